namespace Receivables.Dunning;

/// <summary>
/// Told by the cycle after each case decision is stored (and its messages queued). Must be idempotent: a retried or
/// repeated cycle tells again.
/// </summary>
public interface IDunningStepObserver
{
    Task OnStepAsync(DunningStep step, CancellationToken cancellationToken);

    /// <summary>Told once per creditor after each cycle run (for work not tied to a changed case).</summary>
    Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The same, with the run's figures (what the completion read anyway, so an observer needs no read of its own).
    /// By default the short form above.
    /// </summary>
    Task OnCreditorRunAsync(CreditorRun run, CancellationToken cancellationToken) => OnCreditorRunAsync(run.CreditorId, run.Date, cancellationToken);

    /// <summary>Told when a debtor's case could not be processed and the cycle skipped it (the others went on).</summary>
    Task OnFailedAsync(DebtorFailure failure, CancellationToken cancellationToken) => Task.CompletedTask;
}
