using Receivables.Common;

namespace Receivables.Actions;

/// <summary>
/// Completes tasks: checks the outcome against what the task's kind declares (a kind without a handler accepts
/// nothing), lets the kind's handler act, then closes the task. Used by the CLI (<c>tasks done</c>) and any other host
/// (the workspace): this is the one way a person completes a task.
/// </summary>
public sealed class TaskOutcomes(ITaskStore tasks, IEnumerable<ITaskOutcomeHandler> handlers)
{
    /// <summary>The outcomes a person may record for a task of <paramref name="kind"/> (empty: the kind declares none).</summary>
    public IReadOnlyList<string> OutcomesOf(string kind) => handlers.LastOrDefault(h => h.Kind == kind)?.Outcomes ?? [];

    /// <summary>Every kind with a handler and its outcomes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Declared() =>
        handlers.GroupBy(h => h.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Outcomes, StringComparer.Ordinal);

    public async Task<(WorkTask Task, string Effect)> CompleteAsync(string creditorId, string taskId, TaskOutcome outcome, CancellationToken cancellationToken = default)
    {
        var task = await tasks.GetAsync(creditorId, taskId, cancellationToken)
            ?? throw new ReceivablesException($"No task '{taskId}' for creditor '{creditorId}'. See 'tasks list --all'.");
        if (!task.IsOpen && !string.Equals(task.Outcome, outcome.Outcome, StringComparison.Ordinal))
        {
            throw new ReceivablesException($"Task {taskId} is already done with outcome '{task.Outcome}'; it cannot be changed to '{outcome.Outcome}'.");
        }

        if (!task.IsOpen)
        {
            // The same outcome again: nothing to do twice (the effect was applied when it was first recorded).
            return (task, "already done");
        }

        var handler = handlers.LastOrDefault(h => h.Kind == task.Kind)
            ?? throw new ReceivablesException($"A {task.Kind} task declares no outcomes, so it cannot be completed here; the feature that opened it closes it.");
        if (!handler.Outcomes.Contains(outcome.Outcome, StringComparer.Ordinal))
        {
            throw new ReceivablesException($"--outcome '{outcome.Outcome}' is not an outcome of a {task.Kind} task; use one of: {string.Join(", ", handler.Outcomes)}.");
        }

        // The effect first (idempotent on the task), then the task is closed: a crash in between is healed by a retry.
        var effect = await handler.ApplyAsync(task, outcome, cancellationToken);
        var completed = await tasks.CompleteAsync(creditorId, taskId, outcome.Outcome, outcome.Note, cancellationToken);
        return (completed, effect);
    }
}
