namespace Receivables.Payments;

/// <summary>One invoice in the index. <see cref="Open"/> is what is still open now; <see cref="RawOpen"/> what the snapshot says.</summary>
public sealed class OpenItem(string debtorId, string debtorName, string invoiceNumber, string? kid, string currency, DateOnly dueDate, decimal open, decimal rawOpen, string snapshotId, string? phone = null)
{
    public string DebtorId { get; } = debtorId;

    public string DebtorName { get; } = debtorName;

    public string InvoiceNumber { get; } = invoiceNumber;

    public string? Kid { get; } = kid;

    public string Currency { get; } = currency;

    public DateOnly DueDate { get; } = dueDate;

    public decimal Open { get; set; } = open;

    public decimal RawOpen { get; } = rawOpen;

    public string SnapshotId { get; } = snapshotId;

    /// <summary>The debtor's phone as the ledger has it (for a task about this debtor, without reading the ledger again).</summary>
    public string? Phone { get; } = phone;
}
