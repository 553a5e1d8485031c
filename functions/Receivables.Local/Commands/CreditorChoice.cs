using Receivables.Common;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

/// <summary>
/// The creditor a command works on: the one named with <c>--creditor</c>, which must be active (in the creditor
/// registry or the settings, not retired), or else the only active creditor. Creditors added at run time
/// (<c>creditors add</c>) count as much as those in settings.
/// </summary>
internal static class CreditorChoice
{
    /// <summary>The active creditors' ids (registry and settings), in id order.</summary>
    public static async Task<List<string>> ActiveIdsAsync(LocalHost host, CancellationToken cancellationToken) =>
        [.. (await host.Get<ICreditorDirectory>().ActiveAsync(cancellationToken)).Keys.Order(StringComparer.Ordinal)];

    public static async Task<string> ResolveAsync(LocalHost host, string? given, CancellationToken cancellationToken)
    {
        var ids = await ActiveIdsAsync(host, cancellationToken);
        if (given is not null)
        {
            return ids.Contains(given, StringComparer.Ordinal)
                ? given
                : throw new ReceivablesException($"--creditor '{given}' is not an active creditor (active: {(ids.Count == 0 ? "none" : string.Join(", ", ids))}; add one with `creditors add` or in Receivables:Creditors).");
        }

        return ids.Count == 1
            ? ids[0]
            : throw new ReceivablesException(ids.Count == 0
                ? "No creditor is active: add one with `creditors add` or in Receivables:Creditors."
                : $"--creditor is needed: {ids.Count} creditors are active ({string.Join(", ", ids)}).");
    }
}
