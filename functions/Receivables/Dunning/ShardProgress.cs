namespace Receivables.Dunning;

/// <summary>One shard's outcome: <see cref="ShardStates"/>, debtors considered, reminders queued, failed tries.</summary>
public sealed record ShardProgress(int Shard, string State, int Considered, int Queued, int FailedTries, string? Error);
