namespace Receivables.Actions;

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
