namespace Receivables.Dunning;

/// <summary>
/// What the planner decided for one creditor on one cycle date: how many shards, on which ledger snapshot, and whether
/// the ledger changed since the last completed run (then each shard compares its slice with the case summaries).
/// <see cref="Run"/> counts explicit re-runs of the same date (the <c>cycle</c> command); the timer plans a date once.
/// <see cref="RunStateVersion"/>: the version of the creditor's run state the planner read, when its last cycle date was
/// not after this date, so the completion may move it to this date without reading it again (changed meanwhile: it reads).
/// </summary>
public sealed record CyclePlan(
    string CreditorId,
    DateOnly Date,
    int Run,
    int Shards,
    string SnapshotId,
    bool Changed,
    DateTimeOffset PlannedAt,
    bool Enqueued = false,
    string? RunStateVersion = null)
{
    public DunningShardMessage Message(int shard, Ledger.SnapshotInfo? snapshot = null, PlannedPolicies? policies = null) =>
        new(CreditorId, Date, Run, shard, Shards, SnapshotId, Changed, snapshot?.SnapshotId == SnapshotId && snapshot.CreditorId == CreditorId ? snapshot : null, policies);
}
