using Receivables.Common;

namespace Receivables.Actions;

/// <summary>What a person recorded for a task: the outcome word, a note, a date when the outcome needs one, and who.</summary>
public sealed record TaskOutcome(string Outcome, string? Note, DateOnly? Date, string Actor);

/// <summary>
/// What completing a task of one kind does (moves the case, sends a confirmation). Must be idempotent on the task id:
/// a retry after a crash applies the same outcome again and changes nothing twice.
/// </summary>
public interface ITaskOutcomeHandler
{
    string Kind { get; }

    IReadOnlyList<string> Outcomes { get; }

    /// <summary>Applies the outcome; returns one line saying what it did.</summary>
    Task<string> ApplyAsync(WorkTask task, TaskOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>
/// Completes tasks: checks the outcome against what the task's kind accepts, lets the kind's handler act, then closes
/// the task. Used by the CLI (<c>tasks done</c>) and any other host.
/// </summary>
public sealed class TaskOutcomes(ITaskStore tasks, IEnumerable<ITaskOutcomeHandler> handlers)
{
    public async Task<(WorkTask Task, string Effect)> CompleteAsync(string creditorId, string taskId, TaskOutcome outcome, CancellationToken cancellationToken = default)
    {
        var task = await tasks.GetAsync(creditorId, taskId, cancellationToken)
            ?? throw new ReceivablesException($"No task '{taskId}' for creditor '{creditorId}'. See 'tasks list --all'.");
        if (!task.IsOpen && !string.Equals(task.Outcome, outcome.Outcome, StringComparison.Ordinal))
        {
            throw new ReceivablesException($"Task {taskId} is already done with outcome '{task.Outcome}'; it cannot be changed to '{outcome.Outcome}'.");
        }

        var handler = handlers.LastOrDefault(h => h.Kind == task.Kind);
        if (handler is not null && !handler.Outcomes.Contains(outcome.Outcome, StringComparer.Ordinal))
        {
            throw new ReceivablesException($"--outcome '{outcome.Outcome}' is not an outcome of a {task.Kind} task; use one of: {string.Join(", ", handler.Outcomes)}.");
        }

        // The effect first (idempotent on the task), then the task is closed: a crash in between is healed by a retry.
        var effect = handler is null ? "recorded" : await handler.ApplyAsync(task, outcome, cancellationToken);
        var completed = task.IsOpen ? await tasks.CompleteAsync(creditorId, taskId, outcome.Outcome, outcome.Note, cancellationToken) : task;
        return (completed, effect);
    }
}
