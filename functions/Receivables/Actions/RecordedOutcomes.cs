using System.Text.Json;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Storage;

namespace Receivables.Actions;

/// <summary>
/// The outcomes of task kinds whose work a person does outside the system (reads a reply, fixes an address in the
/// ERP): recorded with the note in the case's evidence, nothing else changes. One instance per kind.
/// </summary>
public sealed class RecordedOutcomes(string kind, IReadOnlyList<string> outcomes, IEvidenceArchive archive, BusinessClock clock) : ITaskOutcomeHandler
{
    /// <summary>The kinds handled this way and their outcomes.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Kinds = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [TaskKinds.ReviewReply] = ["handled", "no-action"],
        [TaskKinds.UnmatchedReply] = ["handled", "ignored"],
        [TaskKinds.ContactChange] = ["updated", "no-change"],
        [TaskKinds.InvalidEmail] = ["corrected", "no-email"],
        [TaskKinds.AddRate] = ["added"],
    };

    public string Kind => kind;

    public IReadOnlyList<string> Outcomes => outcomes;

    public async Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        if (task.DebtorId is { } debtorId && task.CaseId is { } caseId)
        {
            await archive.AppendAsync(new EvidenceItem(
                task.CreditorId, debtorId, caseId, EvidenceKinds.Task, $"Task {task.TaskId} ({task.Kind}) done: {outcome.Outcome}", "application/json",
                JsonSerializer.SerializeToUtf8Bytes(new { task = task.TaskId, kind = task.Kind, title = task.Title, outcome = outcome.Outcome, note = outcome.Note, actor = outcome.Actor }, Json.Indented),
                outcome.Actor, $"task:{task.TaskId}:done", clock.Now,
                new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"{task.Kind} task done ({outcome.Outcome})" + (outcome.Note is { Length: > 0 } n ? ": " + n : ""), ["outcome"] = outcome.Outcome }), cancellationToken);
        }

        return "recorded";
    }
}
