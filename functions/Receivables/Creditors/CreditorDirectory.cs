using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Creditors;

/// <summary>
/// App settings' creditors (<c>Receivables:Creditors</c>) overlaid with the registry: a registry row wins over the
/// setting of the same id, a retired row hides it. <see cref="ActiveAsync"/> reads the registry every time (one query);
/// <see cref="FindAsync"/> keeps a found creditor for <see cref="CacheFor"/> so a busy send queue does not read it per message.
/// </summary>
public sealed class CreditorDirectory(ICreditorStore store, IOptions<ReceivablesOptions> receivables, TimeProvider time) : ICreditorDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (RegisteredCreditor? Creditor, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, RegisteredCreditor>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var all = FromSettings();
        foreach (var row in await store.ListAsync(cancellationToken))
        {
            if (row.Retired)
            {
                all.Remove(row.Id);
            }
            else
            {
                all[row.Id] = row;
            }
        }

        return all;
    }

    public async Task<RegisteredCreditor?> FindAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(creditorId, out var cached) && cached.Until > now)
        {
            return cached.Creditor;
        }

        var row = await store.GetAsync(creditorId, cancellationToken);
        var found = row is null
            ? FromSettings().GetValueOrDefault(creditorId)
            : row.Retired ? null : row;
        cache[creditorId] = (found, now + CacheFor);
        return found;
    }

    private Dictionary<string, RegisteredCreditor> FromSettings() =>
        receivables.Value.Creditors.ToDictionary(c => c.Key, c => new RegisteredCreditor(c.Key, c.Value, null, null, RegisteredCreditor.FromSettings), StringComparer.Ordinal);
}
