using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Escalation;

/// <summary>
/// What the law requires before a claim goes to collection, checked against what was actually sent: with the creditor
/// sending its own notices (<see cref="CollectionNoticeMode.Send"/>), an inkassovarsel (inkassoloven § 9) or the
/// creditor's own betalingsoppfordring (§ 10) must have reached the debtor and its deadline (at least 14 days) must
/// have passed. A level decided but never sent does not count. With <see cref="CollectionNoticeMode.HandOver"/> the
/// agency sends the notice, so nothing is required here.
/// </summary>
public sealed class LegalNotices(IEvidenceReader evidence, DunningPolicies policies, IOptions<DunningOptions> dunning, BusinessClock clock)
{
    /// <summary>The letters of the ladder that reached the debtor, oldest first.</summary>
    public async Task<IReadOnlyList<SentStep>> SentAsync(string creditorId, string debtorId, string caseId, CancellationToken cancellationToken)
    {
        var entries = await evidence.ReadCaseAsync(new EvidenceCaseRef(creditorId, debtorId, caseId), cancellationToken);
        return Sent(entries.Select(e => e.Entry));
    }

    /// <summary>Why the claim may not go to collection on <paramref name="asOf"/> (null: the notices the law requires are in place).</summary>
    public async Task<string?> MissingAsync(Debtor debtor, IReadOnlyList<SentStep> sent, DateOnly asOf, CancellationToken cancellationToken = default) =>
        (await CheckAsync(debtor, sent, asOf, cancellationToken))?.Text;

    /// <summary>
    /// <see cref="MissingAsync"/> with the same as a code a page words in the reader's language (<c>Ground</c>:
    /// <c>no-notice:letters sent</c>, or <c>notice-pending:sent on|channel|deadline</c>, dates yyyy-MM-dd); null when the
    /// notices are in place.
    /// </summary>
    public async Task<(string Text, string Ground)?> CheckAsync(Debtor debtor, IReadOnlyList<SentStep> sent, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (dunning.Value.CollectionNotice == CollectionNoticeMode.HandOver)
        {
            return null;
        }

        var policy = await policies.ForAsync(debtor.CreditorId, debtor, cancellationToken);
        var notices = sent
            .Where(s => policy is not null && s.Level >= 1 && s.Level <= policy.Levels.Count && IsNotice(policy.Levels[s.Level - 1]))
            .Select(s => (Sent: s, Deadline: NorwegianCalendar.OnOrNextBusinessDay(s.Date.AddDays(policy!.Levels[s.Level - 1].DeadlineDays))))
            .ToList();
        if (notices.Count == 0)
        {
            return (
                string.Create(CultureInfo.InvariantCulture, $"no inkassovarsel (inkassoloven § 9) or betalingsoppfordring (§ 10) has been sent to the debtor ({sent.Count} letter(s) of the ladder sent in all): a claim goes to collection only after such a notice, giving at least 14 days, has reached the debtor and its deadline has passed"),
                string.Create(CultureInfo.InvariantCulture, $"no-notice:{sent.Count}"));
        }

        var last = notices.MaxBy(n => n.Deadline);
        return last.Deadline < asOf
            ? null
            : (
                string.Create(CultureInfo.InvariantCulture, $"the notice of {last.Sent.Date:yyyy-MM-dd} ({last.Sent.Channel}) gives the debtor until {last.Deadline:yyyy-MM-dd}: the claim may go to collection only after that deadline has passed (inkassoloven § 9)"),
                string.Create(CultureInfo.InvariantCulture, $"notice-pending:{last.Sent.Date:yyyy-MM-dd}|{last.Sent.Channel}|{last.Deadline:yyyy-MM-dd}"));
    }

    private static bool IsNotice(LevelOptions level) => level.Stage == CaseStages.CollectionNotice || level.Fee == FeeKind.PaymentDemand;

    /// <summary>The letters of the ladder among a case's evidence entries, oldest first.</summary>
    public IReadOnlyList<SentStep> Sent(IEnumerable<EvidenceEntry> entries)
    {
        var sent = new List<SentStep>();
        foreach (var entry in entries)
        {
            if (entry.Kind == EvidenceKinds.OutboundEmail && entry.IdempotencyKey.StartsWith("email|", StringComparison.Ordinal))
            {
                var key = entry.IdempotencyKey["email|".Length..];
                sent.Add(new SentStep(LevelOf(key), clock.ToLocalDate(entry.OccurredAt), "email", key, entry.Metadata.GetValueOrDefault(EvidenceMetadata.MessageId), entry.Title));
            }
            else if (entry.Metadata.TryGetValue(SendFailures.SentKeyMetadata, out var other)
                && int.TryParse(entry.Metadata.GetValueOrDefault("level"), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                && DateOnly.TryParseExact(entry.Metadata.GetValueOrDefault("sentOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                sent.Add(new SentStep(level, on, entry.Metadata.GetValueOrDefault("channel", "other"), other, null, entry.Title));
            }
        }

        return [.. sent.OrderBy(s => s.Date)];
    }

    /// <summary>The level in a message key (<c>creditor|debtor|L2|date</c>; 0 when it names none).</summary>
    public static int LevelOf(string key) =>
        key.Split('|').FirstOrDefault(p => p.Length > 1 && p[0] == 'L' && char.IsAsciiDigit(p[1])) is { } l && int.TryParse(l[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
