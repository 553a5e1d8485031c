using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Storage;

namespace Receivables.Actions;

/// <summary>
/// Closes a debtor's open tasks that the ledger or a reply has made moot, with an outcome that says why, and records
/// each closing in the case's evidence (actor <see cref="Actors.Rule"/>). Idempotent: a closed task is left alone.
/// </summary>
public sealed class MootTasks(ITaskStore tasks, IEvidenceArchive archive, BusinessClock clock, ILogger<MootTasks> logger)
{
    /// <summary>Closes the open tasks of <paramref name="debtorId"/> that <paramref name="isMoot"/> picks; returns them.</summary>
    public async Task<IReadOnlyList<WorkTask>> CloseAsync(string creditorId, string debtorId, Func<WorkTask, bool> isMoot, string outcome, string why, CancellationToken cancellationToken)
    {
        var moot = new List<WorkTask>();
        await foreach (var task in tasks.ListAsync(creditorId, openOnly: true, cancellationToken, debtorId))
        {
            if (task.IsOpen && isMoot(task))
            {
                moot.Add(task);
            }
        }

        var closed = new List<WorkTask>();
        foreach (var task in moot)
        {
            if (task.CaseId is { } caseId)
            {
                await archive.AppendAsync(new EvidenceItem(
                    creditorId, debtorId, caseId, EvidenceKinds.Task, $"Task {task.TaskId} ({task.Kind}) closed: {outcome}", "application/json",
                    JsonSerializer.SerializeToUtf8Bytes(new { task = task.TaskId, kind = task.Kind, title = task.Title, outcome, why }, Json.Indented),
                    Actors.Rule, $"task:{task.TaskId}:closed", clock.Now,
                    new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"{task.Kind} task closed ({outcome}): {why}", ["outcome"] = outcome }), cancellationToken);
            }

            closed.Add(await tasks.CompleteAsync(creditorId, task.TaskId, outcome, why, cancellationToken));
            logger.LogInformation("Task {TaskId} ({Kind}) of {CreditorId}/{DebtorId} closed as {Outcome}: {Why}", task.TaskId, task.Kind, creditorId, debtorId, outcome, why);
        }

        return closed;
    }
}
