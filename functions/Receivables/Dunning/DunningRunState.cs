namespace Receivables.Dunning;

/// <summary>What the cycle remembers per creditor between runs (<see cref="Version"/>: storage concurrency token, as read).</summary>
public sealed record DunningRunState(string CreditorId, string? LastSnapshotId, DateOnly? LastCycleDate, bool Stale, string? StaleReason, string? Version = null);
