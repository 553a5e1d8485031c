namespace Receivables.Hosting;

/// <summary>
/// Runs a scheduled job at most once per slot across hosts, as the Functions runtime's singleton lock does for a timer
/// trigger. The adapter is <see cref="Storage.BlobTimerSlots"/> (a blob lease per slot, then a completed marker).
/// </summary>
public interface ITimerSlots
{
    /// <summary>Runs <paramref name="work"/> for the slot unless another host holds or has completed it. True when this call ran it.</summary>
    Task<bool> RunOnceAsync(string job, DateTimeOffset slot, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>The newest slot of <paramref name="job"/> that completed, if any.</summary>
    Task<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken);
}
