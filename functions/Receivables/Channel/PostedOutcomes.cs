using System.Globalization;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Evidence;

namespace Receivables.Channel;

/// <summary><c>tasks done &lt;id&gt; --outcome posted --date YYYY-MM-DD</c>: the letter was posted; the channel and date go into the evidence.</summary>
public sealed class PostedOutcomes(IEvidenceArchive archive, BusinessClock clock) : ITaskOutcomeHandler
{
    public string Kind => TaskKinds.SendByPost;

    public IReadOnlyList<string> Outcomes { get; } = ["posted"];

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var date = outcome.Date ?? clock.Today;
        if (task.DebtorId is { } debtorId && task.CaseId is { } caseId)
        {
            await archive.AppendAsync(new EvidenceItem(
                task.CreditorId, debtorId, caseId, EvidenceKinds.Decision, string.Create(CultureInfo.InvariantCulture, $"Inkassovarsel posted on {date:yyyy-MM-dd} by {outcome.Actor}"),
                "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(outcome.Note ?? "posted"), outcome.Actor, "posted:" + task.TaskId, clock.Now,
                new Dictionary<string, string> { [ChannelMetadata.Channel] = "post", [EvidenceMetadata.Timeline] = TimelineSections.Reminder, ["postedOn"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), cancellationToken);
        }

        return string.Create(CultureInfo.InvariantCulture, $"posted on {date:yyyy-MM-dd} (recorded in the evidence)");
    }
}
