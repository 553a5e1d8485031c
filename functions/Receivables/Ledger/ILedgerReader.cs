namespace Receivables.Ledger;

public interface ILedgerReader
{
    Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>Any accepted snapshot by id (readers that keep only the latest return it when the id matches).</summary>
    async Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        await GetLatestSnapshotAsync(creditorId, cancellationToken) is { } latest && latest.SnapshotId == snapshotId ? latest : null;

    /// <summary>Streams the latest accepted snapshot, debtor by debtor, in snapshot order (by the debtor id's hash, then id).</summary>
    IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>Every debtor of a snapshot already looked up (no second look-up of the latest).</summary>
    IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(SnapshotInfo snapshot, CancellationToken cancellationToken = default) =>
        ReadShardAsync(snapshot, 0, 1, cancellationToken);

    /// <summary>
    /// The debtors of shard <paramref name="shard"/> of <paramref name="shards"/> (<see cref="Common.DebtorShards"/>) in
    /// the given snapshot, without reading the rest of it. Readers without slices may filter a full read.
    /// </summary>
    async IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var debtor in ReadDebtorsAsync(snapshot.CreditorId, cancellationToken))
        {
            if (Common.DebtorShards.ShardOf(debtor.Debtor.DebtorId, shards) == shard)
            {
                yield return debtor;
            }
        }
    }

    /// <summary>
    /// The shard's slice with adjustments the caller has already read (<see cref="IOpenItemAdjustments"/>, merged by
    /// debtor) applied, instead of reading them again. Readers that apply no adjustments ignore them.
    /// </summary>
    IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, IReadOnlyDictionary<string, List<OpenItemAdjustment>> adjustments, CancellationToken cancellationToken = default) =>
        ReadShardAsync(snapshot, shard, shards, cancellationToken);

    Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);

    /// <summary>A debtor's lines in a given snapshot with adjustments the caller has already read (see the slice above).</summary>
    Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, IReadOnlyDictionary<string, List<OpenItemAdjustment>> adjustments, CancellationToken cancellationToken = default) =>
        GetDebtorAsync(snapshot, debtorId, cancellationToken);

    /// <summary>
    /// A debtor's lines in a given snapshot: for a run that reads many debtors of the snapshot it started with, without
    /// looking up the latest snapshot each time. Readers that keep only the latest may ignore the snapshot.
    /// </summary>
    Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, CancellationToken cancellationToken = default) =>
        GetDebtorAsync(snapshot.CreditorId, debtorId, cancellationToken);

    /// <summary>The changes that the given snapshot introduced (empty for the first one).</summary>
    IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default);
}
