using System.Runtime.CompilerServices;

namespace Receivables.Ledger;

/// <summary>
/// The ledger as the product reads it: the accepted snapshots' lines per debtor, with money received since the export
/// (<see cref="IOpenItemAdjustments"/>) taken off the open amounts. Every member of <see cref="ILedgerReader"/> is
/// forwarded to the snapshot reader (older snapshots by id, shard slices), so wrapping it loses none of its reads;
/// snapshots, their changes and the ledger importer are untouched. With no adjustments registered this is the snapshot
/// reader itself.
/// </summary>
public sealed class AdjustedLedgerReader(LedgerReader snapshots, IEnumerable<IOpenItemAdjustments> adjustments) : ILedgerReader
{
    private readonly IReadOnlyList<IOpenItemAdjustments> sources = [.. adjustments];

    public Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default) =>
        snapshots.GetLatestSnapshotAsync(creditorId, cancellationToken);

    public Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        snapshots.GetSnapshotAsync(creditorId, snapshotId, cancellationToken);

    public IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, CancellationToken cancellationToken = default) =>
        AdjustAllAsync(creditorId, snapshots.ReadDebtorsAsync(creditorId, cancellationToken), cancellationToken);

    public IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(SnapshotInfo snapshot, CancellationToken cancellationToken = default) =>
        AdjustAllAsync(snapshot.CreditorId, snapshots.ReadDebtorsAsync(snapshot, cancellationToken), cancellationToken);

    public IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, CancellationToken cancellationToken = default) =>
        AdjustAllAsync(snapshot.CreditorId, snapshots.ReadShardAsync(snapshot, shard, shards, cancellationToken), cancellationToken);

    public IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, IReadOnlyDictionary<string, List<OpenItemAdjustment>> adjustments, CancellationToken cancellationToken = default) =>
        AppliedAsync(snapshots.ReadShardAsync(snapshot, shard, shards, cancellationToken), adjustments, cancellationToken);

    public async Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, IReadOnlyDictionary<string, List<OpenItemAdjustment>> adjustments, CancellationToken cancellationToken = default) =>
        await snapshots.GetDebtorAsync(snapshot, debtorId, cancellationToken) is { } debtor ? OpenItemAdjustment.ApplyFrom(debtor, adjustments) : null;

    public async Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        await AdjustAsync(await snapshots.GetDebtorAsync(creditorId, debtorId, cancellationToken), cancellationToken);

    public async Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, CancellationToken cancellationToken = default) =>
        await AdjustAsync(await snapshots.GetDebtorAsync(snapshot, debtorId, cancellationToken), cancellationToken);

    public IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        snapshots.ReadChangesAsync(creditorId, snapshotId, cancellationToken);

    /// <summary>Many debtors of one creditor: the creditor's adjustments read once, then applied as the lines stream by.</summary>
    private async IAsyncEnumerable<DebtorLedger> AdjustAllAsync(string creditorId, IAsyncEnumerable<DebtorLedger> debtors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await OpenItemAdjustment.ReadAllAsync(sources, creditorId, cancellationToken);
        await foreach (var debtor in AppliedAsync(debtors, all, cancellationToken))
        {
            yield return debtor;
        }
    }

    /// <summary>The lines as they stream by, each with its adjustments of <paramref name="all"/> applied.</summary>
    private static async IAsyncEnumerable<DebtorLedger> AppliedAsync(IAsyncEnumerable<DebtorLedger> debtors, IReadOnlyDictionary<string, List<OpenItemAdjustment>> all, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var debtor in debtors.WithCancellation(cancellationToken))
        {
            yield return OpenItemAdjustment.ApplyFrom(debtor, all);
        }
    }

    private async Task<DebtorLedger?> AdjustAsync(DebtorLedger? debtor, CancellationToken cancellationToken)
    {
        if (debtor is null || sources.Count == 0)
        {
            return debtor;
        }

        var list = new List<OpenItemAdjustment>();
        foreach (var source in sources)
        {
            list.AddRange(await source.ForDebtorAsync(debtor.Debtor.CreditorId, debtor.Debtor.DebtorId, cancellationToken));
        }

        return list.Count == 0 ? debtor : OpenItemAdjustment.Apply(debtor, list);
    }
}
