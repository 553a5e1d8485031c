using Receivables.Common;

namespace Receivables.Ledger;

// The ledger feature's public face: what the rest of the product may read about who owes what.
// Everything here describes the latest *accepted* snapshot of a creditor's open receivables.

/// <summary>A customer of the creditor, as the ledger describes it.</summary>
public sealed record Debtor(
    string CreditorId,
    string DebtorId,
    string Name,
    string? Email,
    CustomerType Type,
    string? OrgNumber,
    string? Language = null,
    string? Phone = null);
