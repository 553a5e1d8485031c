namespace Receivables.Dunning;

/// <summary>
/// How the daily cycle fans out (<c>Receivables:Dunning:Scale</c>): a creditor's debtors are cut into shards of about
/// <see cref="DebtorsPerShard"/> (a power of two, at most <see cref="MaxShards"/>); each shard is one queue message,
/// and one instance works on <see cref="Parallelism"/> debtors of a shard at a time.
/// </summary>
public sealed class DunningScaleOptions
{
    public int DebtorsPerShard { get; set; } = 5_000;

    public int MaxShards { get; set; } = 64;

    public int Parallelism { get; set; } = 8;
}
