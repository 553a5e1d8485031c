using Receivables.Ledger;

namespace Receivables.SetOff;

/// <summary>A proposed set-off for one debtor who is also a supplier, in one currency.</summary>
public sealed record SetOffCandidate(
    string DebtorId,
    string DebtorName,
    string OrgNumber,
    string SupplierId,
    string Currency,
    decimal Amount,
    IReadOnlyList<OpenInvoice> Receivables,
    IReadOnlyList<PayableInvoice> Payables,
    IReadOnlyList<string> Conditions);
