namespace Receivables.Dunning;

/// <summary>
/// The body of a <see cref="Storage.StorageNames.Queues.DunningShard"/> message: one shard of one creditor's debtors for
/// one cycle date (and run of that date), planned by <see cref="DunningPlanner"/>. Processing it twice is harmless.
/// </summary>
public sealed record DunningShardMessage(
    string CreditorId,
    DateOnly Date,
    int Run,
    int Shard,
    int Shards,
    string SnapshotId,
    bool Changed);
