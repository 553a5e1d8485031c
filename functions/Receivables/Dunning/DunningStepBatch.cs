using Microsoft.Extensions.Logging;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// The stored steps of one shard not yet told to the <see cref="IDunningStepBatchObserver"/>s; safe for parallel
/// debtors. The shard tells a full batch between debtors (never inside one debtor's work, so a batch's failure is
/// never taken for a debtor's) and the rest at its end.
/// </summary>
internal sealed class DunningStepBatch(IReadOnlyList<IDunningStepBatchObserver> observers, ILogger logger)
{
    /// <summary>Steps told together at most: their new tasks fit one table transaction (100 entities), and a process killed outright loses no more than these.</summary>
    public const int Size = 50;

    private readonly object gate = new();
    private List<Entry> waiting = [];

    /// <summary>A step and where its notes go: <paramref name="Noted"/> notes were taken before the batch observers ran.</summary>
    public sealed record Entry(DunningStep Step, int Order, int Noted);

    /// <summary>Adds a stored step (told later: by <see cref="TellIfFullAsync"/> or <see cref="FlushAsync"/>).</summary>
    public void Add(Entry entry)
    {
        if (observers.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            waiting.Add(entry);
        }
    }

    /// <summary>Tells a full batch, if there is one; returns the entries told (their new notes are the caller's).</summary>
    public Task<IReadOnlyList<Entry>> TellIfFullAsync(CancellationToken cancellationToken) => TakeAndTellAsync(Size, cancellationToken);

    /// <summary>Tells what is waiting; returns the entries told.</summary>
    public Task<IReadOnlyList<Entry>> FlushAsync(CancellationToken cancellationToken) => TakeAndTellAsync(1, cancellationToken);

    private async Task<IReadOnlyList<Entry>> TakeAndTellAsync(int atLeast, CancellationToken cancellationToken)
    {
        List<Entry> taken;
        lock (gate)
        {
            if (waiting.Count < atLeast)
            {
                return [];
            }

            (taken, waiting) = (waiting, []);
        }

        try
        {
            await TellAsync(taken, cancellationToken);
            return taken;
        }
        catch
        {
            // Not told: they wait again (the shard's last flush tries them once more before the shard fails).
            lock (gate)
            {
                waiting.InsertRange(0, taken);
            }

            throw;
        }
    }

    /// <summary>
    /// Tells every batch observer; a passing storage fault is tried again twice, since the steps are not decided again
    /// after a retry of the shard.
    /// </summary>
    private async Task TellAsync(List<Entry> entries, CancellationToken cancellationToken)
    {
        var steps = entries.Select(e => e.Step).ToList();
        foreach (var observer in observers)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await observer.OnStepsAsync(steps, cancellationToken);
                    break;
                }
                catch (Exception e) when (attempt < 3 && StorageFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "{Observer} failed on {Steps} step(s) with a passing fault; trying again", observer.GetType().Name, steps.Count);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                }
            }
        }
    }
}
