using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Evidence;

namespace Receivables.Channel;

/// <summary>
/// Whether a debtor's email address is confirmed for formal notices: a recorded consent (settings), or a reply the
/// debtor wrote from that address within <see cref="ChannelOptions.ConfirmedEmailDays"/> (read from the archived
/// replies, so it needs no table of its own).
/// </summary>
public sealed class EmailConfirmation(IEvidenceReader evidence, IOptions<ChannelOptions> options, BusinessClock clock)
{
    /// <summary>How the address is confirmed ("consent", "reply of 2026-10-02"), or null when it is not.</summary>
    public async Task<string?> ConfirmedByAsync(string creditorId, string debtorId, string address, CancellationToken cancellationToken = default)
    {
        if (options.Value.Consents.GetValueOrDefault(creditorId)?.GetValueOrDefault(debtorId) is { } consented
            && string.Equals(consented.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "consent";
        }

        var since = clock.Now.AddDays(-options.Value.ConfirmedEmailDays);
        DateTimeOffset? latest = null;
        foreach (var caseRef in await evidence.ListCasesAsync(creditorId, debtorId, cancellationToken))
        {
            foreach (var entry in await evidence.ReadCaseAsync(caseRef, cancellationToken))
            {
                if (entry.Entry.Kind == EvidenceKinds.InboundReply
                    && entry.Entry.OccurredAt >= since
                    && entry.Entry.Metadata.TryGetValue(EvidenceMetadata.From, out var from)
                    && string.Equals(from.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase)
                    && (latest is null || entry.Entry.OccurredAt > latest))
                {
                    latest = entry.Entry.OccurredAt;
                }
            }
        }

        return latest is { } at ? $"reply of {clock.ToLocalDate(at):yyyy-MM-dd}" : null;
    }
}
