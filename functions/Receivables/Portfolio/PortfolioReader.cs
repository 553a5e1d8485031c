using System.Collections.Concurrent;

namespace Receivables.Portfolio;

/// <summary>
/// Reads a creditor's index for the workspace: kept in memory and re-read only when the stored version changed (one
/// metadata read per request), built on first use when a creditor has none yet.
/// </summary>
public sealed class PortfolioReader(IPortfolioStore store, PortfolioMaintainer maintainer)
{
    private readonly ConcurrentDictionary<string, StoredPortfolio> cache = new(StringComparer.Ordinal);

    public async Task<PortfolioIndex> GetAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var version = await store.GetVersionAsync(creditorId, cancellationToken);
        if (version is null)
        {
            await maintainer.RebuildAsync(creditorId, cancellationToken);
        }
        else if (cache.TryGetValue(creditorId, out var cached) && cached.Version == version)
        {
            return cached.Index;
        }

        var stored = await store.GetAsync(creditorId, cancellationToken)
            ?? throw new InvalidOperationException($"The portfolio index of '{creditorId}' could not be read after it was built.");
        cache[creditorId] = stored;
        return stored.Index;
    }
}
