namespace Receivables.Dunning;

/// <summary>
/// How the daily cycle fans out (<c>Receivables:Dunning:Scale</c>): a creditor's debtors are cut into shards of about
/// <see cref="DebtorsPerShard"/> (a power of two, at most <see cref="MaxShards"/>); each shard is one queue message,
/// and one instance works on <see cref="Parallelism"/> debtors of a shard at a time. A creditor's cases are spread over
/// table partitions of about <see cref="DebtorsPerPartition"/> debtors.
/// </summary>
public sealed class DunningScaleOptions
{
    public int DebtorsPerShard { get; set; } = 5_000;

    public int MaxShards { get; set; } = 64;

    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// About how many debtors one table partition of a creditor's cases holds, when the creditor is first laid out
    /// (1 partition up to this many, then 2, 4, 8, at most 16): small creditors' days read one partition, large
    /// creditors' writes are spread. Fixed per creditor once laid out.
    /// </summary>
    public int DebtorsPerPartition { get; set; } = 10_000;
}
