using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Receivables.DebtorPage;

/// <summary>
/// A fixed one-minute window per client address, in memory (per instance: with several instances the limit applies to
/// each). Enough to make guessing tokens and hammering forms slow; not a substitute for a front door.
/// </summary>
public sealed class ClientRateLimiter(IOptions<DebtorPageOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string clientAddress)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (windows.Count > 10_000)
        {
            foreach (var stale in windows.Where(w => w.Value.Minute < minute).Select(w => w.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        var window = windows.AddOrUpdate(clientAddress, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        return window.Count <= options.Value.RequestsPerMinute;
    }

    private sealed record Window(long Minute, int Count);
}
