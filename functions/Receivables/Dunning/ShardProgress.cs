namespace Receivables.Dunning;

/// <summary>
/// One shard's outcome: <see cref="ShardStates"/>, debtors considered, reminders queued, failed tries, and the debtors
/// it skipped because their case could not be processed (<see cref="Skipped"/>, named in <see cref="Error"/>).
/// </summary>
public sealed record ShardProgress(int Shard, string State, int Considered, int Queued, int FailedTries, string? Error, int Skipped = 0);
