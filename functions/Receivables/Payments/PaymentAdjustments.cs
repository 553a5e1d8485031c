using Receivables.Ledger;

namespace Receivables.Payments;

/// <summary>
/// Bank payments as adjustments of the ledger's open items: what the case considers open until the ledger shows them.
/// Only reads the payment store, so the ledger reader can depend on it without a cycle; keeping the allocations in step
/// with new snapshots is <see cref="PaymentReconciliation"/>'s job.
/// </summary>
public sealed class PaymentAdjustments(IPaymentStore store) : IOpenItemAdjustments
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<OpenItemAdjustment>>> ForCreditorAsync(string creditorId, CancellationToken cancellationToken) =>
        (await store.GetAllocationsAsync(creditorId, null, cancellationToken))
            .GroupBy(a => a.DebtorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpenItemAdjustment>)[.. g.Select(PaymentImporter.Adjustment)], StringComparer.Ordinal);

    public async Task<IReadOnlyList<OpenItemAdjustment>> ForDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken) =>
        [.. (await store.GetAllocationsAsync(creditorId, debtorId, cancellationToken)).Select(PaymentImporter.Adjustment)];
}
