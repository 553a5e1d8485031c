namespace Receivables.Ledger;

/// <summary>One debtor and all its open items in the latest accepted snapshot.</summary>
public sealed record DebtorLedger(Debtor Debtor, IReadOnlyList<OpenInvoice> Invoices);
