namespace Receivables.Ledger;

/// <summary>Told when open items changed without a new snapshot (bank payments applied), for the debtors concerned.</summary>
public interface IOpenItemsObserver
{
    Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken);
}
