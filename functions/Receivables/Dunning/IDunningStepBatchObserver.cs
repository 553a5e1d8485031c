namespace Receivables.Dunning;

/// <summary>
/// Told a shard's stored steps together, for work that costs less written together (tasks in table transactions):
/// in batches of up to <see cref="DunningStepBatch.Size"/>, each step after its decision is stored, its messages are
/// queued and the <see cref="IDunningStepObserver"/>s were told. A batch is told when it is full, when the shard's
/// debtors are done, and when the shard fails (before its retry, which does not decide the stored steps again). Must be
/// idempotent: a repeated cycle tells again.
/// </summary>
public interface IDunningStepBatchObserver
{
    Task OnStepsAsync(IReadOnlyList<DunningStep> steps, CancellationToken cancellationToken);
}
