namespace Receivables.Dunning;

/// <summary>What the cycle remembers per creditor between runs.</summary>
public sealed record DunningRunState(string CreditorId, string? LastSnapshotId, DateOnly? LastCycleDate, bool Stale, string? StaleReason);
