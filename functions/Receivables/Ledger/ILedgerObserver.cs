namespace Receivables.Ledger;

/// <summary>
/// Told after a snapshot has been accepted and stored (dunning re-anchors, plans match installments, "already paid"
/// replies are confirmed). Observers must be idempotent: a retried upload may notify again.
/// </summary>
public interface ILedgerObserver
{
    Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// A newer export with the same open items as the latest snapshot: nothing changed, but the data is now current as
    /// of <see cref="SnapshotInfo.TakenAt"/> (for example: an installment that was due is still unpaid).
    /// </summary>
    Task OnSnapshotConfirmedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) => Task.CompletedTask;
}
