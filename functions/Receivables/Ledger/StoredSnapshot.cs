namespace Receivables.Ledger;

/// <summary>The latest accepted snapshot of a creditor with the storage version that guards its replacement.</summary>
public sealed record StoredSnapshot(SnapshotInfo Info, long SourceLength, string? Version);
