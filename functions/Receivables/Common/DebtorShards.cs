using System.Globalization;
using System.Text;

namespace Receivables.Common;

/// <summary>
/// The stable place of a debtor in the hash space: a 32-bit hash of the debtor id (FNV-1a over UTF-8, then the
/// MurmurHash3 finaliser so that neighbouring ids spread). Shard <c>k</c> of <c>n</c> is the contiguous hash range
/// <c>[k·2³²/n, (k+1)·2³²/n)</c>, so any shard count cuts the hash-ordered ledger snapshot into contiguous slices, and
/// the <see cref="Buckets"/> table partitions are whole or partial ranges of the same space.
/// </summary>
public static class DebtorShards
{
    /// <summary>Table buckets per creditor (the top 4 bits of the hash): the most partitions a creditor's cases are spread over.</summary>
    public const int Buckets = 16;

    /// <summary>The most shards a creditor's day is cut into.</summary>
    public const int MaxShards = 256;

    public static uint Hash(string debtorId)
    {
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(debtorId) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(debtorId, buffer)] : Encoding.UTF8.GetBytes(debtorId);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35u;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>The hash as 8 lower-case hex digits: sorts (ordinal) as the number does.</summary>
    public static string HashKey(string debtorId) => Hash(debtorId).ToString("x8", CultureInfo.InvariantCulture);

    public static int ShardOf(string debtorId, int shards) => ShardOfHash(Hash(debtorId), shards);

    public static int ShardOfHash(uint hash, int shards) => (int)(((ulong)hash * (ulong)shards) >> 32);

    /// <summary>The table bucket (0..15) of a debtor.</summary>
    public static int BucketOf(string debtorId) => (int)(Hash(debtorId) >> 28);

    /// <summary>The first hash of shard <paramref name="shard"/> (inclusive) and the first after it (exclusive, 2³² for the last).</summary>
    public static (ulong From, ulong To) Range(int shard, int shards)
    {
        ulong Start(int k) => (((ulong)k << 32) + (ulong)shards - 1) / (ulong)shards;
        return (Start(shard), Start(shard + 1));
    }

    /// <summary>The table buckets a shard's hash range touches.</summary>
    public static IEnumerable<int> BucketsOf(int shard, int shards)
    {
        var (from, to) = Range(shard, shards);
        var first = (int)(from >> 28);
        var last = (int)((to - 1) >> 28);
        for (var b = first; b <= last; b++)
        {
            yield return b;
        }
    }

    /// <summary>
    /// How many table partitions a creditor with <paramref name="debtors"/> debtors gets: a power of two, at most
    /// <see cref="Buckets"/>, so that no partition holds more than about <paramref name="debtorsPerPartition"/> debtors.
    /// </summary>
    public static int PartitionsFor(int debtors, int debtorsPerPartition)
    {
        var n = 1;
        while (n < Buckets && debtors > (long)n * Math.Max(1, debtorsPerPartition))
        {
            n *= 2;
        }

        return n;
    }

    /// <summary>How many shards a creditor with <paramref name="debtors"/> debtors gets: a power of two, at most <see cref="MaxShards"/>.</summary>
    public static int CountFor(int debtors, int debtorsPerShard, int maxShards)
    {
        var wanted = Math.Max(1, (int)Math.Ceiling(debtors / (double)Math.Max(1, debtorsPerShard)));
        var cap = Math.Clamp(maxShards, 1, MaxShards);
        var n = 1;
        while (n < wanted && n * 2 <= cap)
        {
            n *= 2;
        }

        return n;
    }
}
