using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Payments;

/// <summary>
/// Reconciles the applied bank payments with each accepted snapshot: for every invoice, what its open amount has fallen
/// since the snapshot a payment was applied against is taken to be that payment (oldest first). A payment the ledger
/// reflects in full stops adjusting; one it reflects in part keeps adjusting by the rest; one it does not reflect
/// keeps adjusting, and after <see cref="PaymentsOptions.ReconcileAfterDays"/> days a reconciliation task opens.
/// </summary>
public sealed class PaymentReconciliation(
    IPaymentStore store,
    LedgerReader snapshots,
    ITaskStore tasks,
    BusinessClock clock,
    IOptions<PaymentsOptions> options,
    ILogger<PaymentReconciliation> logger) : ILedgerObserver
{
    public Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) => ReconcileAsync(snapshot, cancellationToken);

    public Task OnSnapshotConfirmedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) => ReconcileAsync(snapshot, cancellationToken);

    /// <summary>Credits the ledger's fall in open amounts to the applied bank payments and rebases the rest on <paramref name="snapshot"/>.</summary>
    public async Task ReconcileAsync(SnapshotInfo snapshot, CancellationToken cancellationToken)
    {
        var applied = await store.GetAllocationsAsync(snapshot.CreditorId, null, cancellationToken);
        var asOf = clock.ToLocalDate(snapshot.TakenAt);
        var reflected = 0;
        var kept = 0;
        foreach (var debtor in applied.GroupBy(a => a.DebtorId, StringComparer.Ordinal))
        {
            var lines = await snapshots.GetDebtorAsync(snapshot, debtor.Key, cancellationToken);
            foreach (var invoice in debtor.GroupBy(a => a.InvoiceNumber, StringComparer.Ordinal))
            {
                var current = lines?.Invoices.FirstOrDefault(i => i.InvoiceNumber == invoice.Key)?.OpenAmount ?? 0m;
                foreach (var group in invoice.GroupBy(a => (a.BaseSnapshotId, a.BaseOpen)))
                {
                    var fall = Math.Max(0m, group.Key.BaseOpen - current);
                    foreach (var allocation in group.OrderBy(a => a.BookedOn).ThenBy(a => a.PaymentKey, StringComparer.Ordinal))
                    {
                        var seen = Math.Min(allocation.Amount, fall);
                        fall -= seen;
                        var rest = allocation.Amount - seen;
                        if (rest <= 0m)
                        {
                            reflected++;
                            await store.UpdateAllocationAsync(allocation, remove: true, cancellationToken);
                            logger.LogInformation("Bank payment {PaymentKey} on invoice {InvoiceNumber} of {CreditorId}/{DebtorId} is now in the ledger (snapshot {SnapshotId})", allocation.PaymentKey, allocation.InvoiceNumber, allocation.CreditorId, allocation.DebtorId, snapshot.SnapshotId);
                            continue;
                        }

                        kept++;
                        if (allocation.BaseSnapshotId != snapshot.SnapshotId || seen > 0m)
                        {
                            await store.UpdateAllocationAsync(allocation with { Amount = rest, BaseOpen = current, BaseSnapshotId = snapshot.SnapshotId }, remove: false, cancellationToken);
                        }

                        if (allocation.BookedOn.AddDays(options.Value.ReconcileAfterDays) < asOf)
                        {
                            await tasks.OpenAsync(
                                allocation.CreditorId,
                                PaymentTaskKinds.ReconcilePayment,
                                allocation.DebtorId,
                                null,
                                string.Create(CultureInfo.InvariantCulture, $"The ledger does not show a bank payment of {rest:0.00} {allocation.Currency} on invoice {allocation.InvoiceNumber}"),
                                string.Create(CultureInfo.InvariantCulture, $"Booked by the bank {allocation.BookedOn:yyyy-MM-dd}; the ledger taken {asOf:yyyy-MM-dd} ({snapshot.SourceFile}) still shows {current:0.00} open on invoice {allocation.InvoiceNumber} of {allocation.DebtorId}, more than {options.Value.ReconcileAfterDays} days later ({PaymentsOptions.Section}:ReconcileAfterDays). Record the payment in the accounts, or find out why it is not there. Until then dunning treats it as paid."),
                                "payment-reconcile|" + allocation.CreditorId + "|" + allocation.PaymentKey + "|" + allocation.InvoiceNumber,
                                cancellationToken,
                                new TaskFacts
                                {
                                    Reason = TaskReasons.NotInLedger,
                                    Reference = allocation.InvoiceNumber,
                                    AboutDate = allocation.BookedOn,
                                    Threshold = options.Value.ReconcileAfterDays,
                                    Grounds =
                                    [
                                        string.Create(CultureInfo.InvariantCulture, $"paid:{rest:0.00}|{allocation.Currency}"),
                                        string.Create(CultureInfo.InvariantCulture, $"ledger:{asOf:yyyy-MM-dd}|{current:0.00}|{snapshot.SourceFile}"),
                                    ],
                                });
                        }
                    }
                }
            }
        }

        if (reflected + kept > 0)
        {
            logger.LogInformation("Reconciled bank payments of {CreditorId} with snapshot {SnapshotId}: {Reflected} now in the ledger, {Kept} still applied", snapshot.CreditorId, snapshot.SnapshotId, reflected, kept);
        }
    }
}
