namespace Receivables.Ledger;

/// <summary>The parts of a stored snapshot.</summary>
public enum SnapshotPart
{
    /// <summary>The open items in <see cref="SnapshotFormat"/>, sorted by debtor and invoice.</summary>
    Ledger,

    /// <summary>Sparse debtor index: <c>debtorId TAB byteOffset</c> every ~64 KB, then <c>#end TAB length</c>.</summary>
    Index,

    /// <summary>The changes against the previous snapshot, one per line.</summary>
    Changes,

    /// <summary>Totals as JSON (<see cref="LedgerSummary"/>).</summary>
    Summary,
}
