using System.Runtime.CompilerServices;

namespace Receivables.Ledger;

/// <summary>
/// The ledger as the product reads it: the latest accepted snapshot's lines per debtor, with money received since the
/// export (<see cref="IOpenItemAdjustments"/>) taken off the open amounts. Snapshots, their changes and the ledger
/// importer are untouched; with no adjustments registered this is the snapshot reader itself.
/// </summary>
public sealed class AdjustedLedgerReader(LedgerReader snapshots, IEnumerable<IOpenItemAdjustments> adjustments) : ILedgerReader
{
    private readonly IReadOnlyList<IOpenItemAdjustments> sources = [.. adjustments];

    public Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default) =>
        snapshots.GetLatestSnapshotAsync(creditorId, cancellationToken);

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, List<OpenItemAdjustment>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (debtorId, list) in await source.ForCreditorAsync(creditorId, cancellationToken))
            {
                (all.TryGetValue(debtorId, out var existing) ? existing : all[debtorId] = []).AddRange(list);
            }
        }

        await foreach (var debtor in snapshots.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            yield return all.TryGetValue(debtor.Debtor.DebtorId, out var list) ? OpenItemAdjustment.Apply(debtor, list) : debtor;
        }
    }

    public async Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        await AdjustAsync(await snapshots.GetDebtorAsync(creditorId, debtorId, cancellationToken), cancellationToken);

    public async Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, CancellationToken cancellationToken = default) =>
        await AdjustAsync(await snapshots.GetDebtorAsync(snapshot, debtorId, cancellationToken), cancellationToken);

    public IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        snapshots.ReadChangesAsync(creditorId, snapshotId, cancellationToken);

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
