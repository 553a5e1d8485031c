using Receivables.Email;

namespace Receivables.Dunning;

/// <summary>
/// Told after a reminder is sent and before it is marked archived (so a crash in between tells again): must be
/// idempotent on <paramref name="key"/>. The channel rule (post an unconfirmed inkassovarsel) listens here.
/// </summary>
public interface ISentReminderObserver
{
    Task OnSentAsync(string creditorId, string debtorId, string caseId, string key, string template, SentEmail sent, CancellationToken cancellationToken);
}
