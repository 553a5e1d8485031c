namespace Receivables.CreditHold;

/// <summary>The credit-hold rows, one per debtor that was ever held.</summary>
public interface ICreditHoldStore
{
    Task<CreditHoldRecord?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<CreditHoldRecord> ListAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the decision if the row is still as read (<see cref="CreditHoldRecord.Version"/>; null: no row yet).
    /// False when another evaluation changed it meanwhile: read it again and decide again.
    /// </summary>
    Task<bool> TrySaveAsync(CreditHoldRecord record, CancellationToken cancellationToken = default);

    /// <summary>Records one delivery, and only that flag, so a concurrent decision on the same row keeps its fields.</summary>
    Task MarkDeliveredAsync(string creditorId, string debtorId, CreditHoldFlag flag, CancellationToken cancellationToken = default);
}
