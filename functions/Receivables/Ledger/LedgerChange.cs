namespace Receivables.Ledger;

/// <summary>What one snapshot changed compared with the previous one, with the line that said so.</summary>
public sealed record LedgerChange(
    LedgerChangeKind Kind,
    string CreditorId,
    string DebtorId,
    string InvoiceNumber,
    string Currency,
    decimal PreviousOpen,
    decimal NewOpen,
    string SourceFile,
    int SourceLine,
    string SnapshotId)
{
    /// <summary>Money received (positive) for this invoice by this change.</summary>
    public decimal Paid => PreviousOpen - NewOpen;
}
