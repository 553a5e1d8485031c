namespace Receivables.Dunning;

/// <summary>
/// The body of a <see cref="Storage.StorageNames.Queues.DunningShard"/> message: one shard of one creditor's debtors for
/// one cycle date (and run of that date), planned by <see cref="DunningPlanner"/>. Processing it twice is harmless.
/// <see cref="Snapshot"/>: the planned snapshot's description (snapshots never change), so the shard need not read it;
/// absent (a message queued before it, or re-queued from the plan alone), the shard reads it by id.
/// <see cref="Policies"/>: the creditor's policy names as planned (the same for every shard of the run); absent, the
/// shard reads the creditor.
/// </summary>
public sealed record DunningShardMessage(
    string CreditorId,
    DateOnly Date,
    int Run,
    int Shard,
    int Shards,
    string SnapshotId,
    bool Changed,
    Ledger.SnapshotInfo? Snapshot = null,
    PlannedPolicies? Policies = null);
