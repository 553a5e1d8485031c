using Receivables.Actions;
using Receivables.Dunning;

namespace Receivables.Replies;

/// <summary>
/// The tasks replies open, folded: while a task of a kind is open for a debtor (for a dispute: on the same invoices),
/// a further reply is added to it with a count instead of opening another, so 200 replies in a minute are one task
/// that says 200. Shared by email replies and the debtor's page.
/// </summary>
public sealed class ReplyTasks(ITaskStore tasks)
{
    /// <param name="group">What else must match for replies to share a task (empty: debtor and kind are enough).</param>
    /// <param name="replyKey">The reply's own key ("reply:&lt;id&gt;"): a retried reply is not counted twice.</param>
    public Task<WorkTask> OpenAsync(CaseView found, string kind, string group, string title, string details, string replyKey, CancellationToken cancellationToken, TaskFacts? facts = null) =>
        tasks.OpenOrFoldAsync(found.CreditorId, kind, found.DebtorId, found.CaseId, title, details,
            $"reply-fold:{found.CreditorId}:{found.DebtorId}:{kind}:{group}", replyKey + ":" + kind, cancellationToken, facts);

    /// <summary>A reply no single case matches: folded per sender address, so one sender's flood is one task.</summary>
    public Task<WorkTask> OpenUnmatchedAsync(string creditorId, string sender, string title, string details, string replyKey, CancellationToken cancellationToken, TaskFacts? facts = null) =>
        tasks.OpenOrFoldAsync(creditorId, TaskKinds.UnmatchedReply, null, null, title, details,
            $"reply-fold:{creditorId}:-:{TaskKinds.UnmatchedReply}:{sender}", replyKey + ":unmatched", cancellationToken, facts);
}
