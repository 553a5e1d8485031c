using Azure.Data.Tables;
using Receivables.Common;

namespace Receivables.Dunning.Storage;

/// <summary>
/// A creditor's case table and its layout: how many partitions (1, 2, 4, 8 or 16) its cases are spread over. Partition
/// <c>creditor|b</c> holds the debtors whose hash starts with bucket <c>b</c> (the top 4 bits) up to the next partition's
/// bucket, so 16 partitions are the buckets themselves and fewer partitions are whole runs of buckets.
/// </summary>
internal sealed record CaseTable(TableClient Client, int Partitions)
{
    /// <summary>The first bucket of the partition that holds <paramref name="bucket"/>.</summary>
    public int PartitionBucket(int bucket) => bucket & ~((DebtorShards.Buckets / Partitions) - 1);

    /// <summary>The first buckets of the partitions a shard's hash range touches, each once.</summary>
    public IEnumerable<int> PartitionBucketsOf(int shard, int shards) =>
        DebtorShards.BucketsOf(shard, shards).Select(PartitionBucket).Distinct();

    /// <summary>The first buckets of all the table's partitions.</summary>
    public IEnumerable<int> AllPartitionBuckets() =>
        Enumerable.Range(0, Partitions).Select(p => p * (DebtorShards.Buckets / Partitions));
}
