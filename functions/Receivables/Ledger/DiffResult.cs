namespace Receivables.Ledger;

/// <summary>What a diff found: counts per change, debtors touched, totals of the new snapshot.</summary>
public sealed class DiffResult
{
    public Dictionary<LedgerChangeKind, int> Changes { get; } = [];

    public int DebtorsChanged { get; set; }

    public int Rows { get; set; }

    public LedgerSummary Summary { get; } = new();

    public int TotalChanges => Changes.Values.Sum();
}
