namespace Receivables.Dunning;

/// <summary>What one run of the dunning cycle did.</summary>
public sealed record DunningCycleResult(DateOnly AsOf, int DebtorsConsidered, int RemindersQueued, IReadOnlyList<string> Notes)
{
    /// <summary>Debtors skipped because their case could not be processed (each told to the observers: a task, the status).</summary>
    public IReadOnlyList<DebtorFailure> Failures { get; init; } = [];
}

/// <summary>The daily dunning cycle: decide per debtor the next step and queue the reminders.</summary>
public interface IDunningCycle
{
    /// <summary>Runs the cycle for <paramref name="asOf"/> (null: today in the business time zone). Deterministic for a given ledger and date.</summary>
    Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default);
}

/// <summary>
/// One stored decision of the cycle for one debtor, with the ledger lines it was made from: what other features
/// (call tasks, credit hold) react to. <see cref="SentTemplate"/> is the message this step queued, if any.
/// </summary>
public sealed record DunningStep(
    string CreditorId,
    string CaseId,
    string ReplyToken,
    Ledger.DebtorLedger Lines,
    string Stage,
    PauseReason? Pause,
    DateOnly Date,
    string? SentTemplate,
    int? SentLevel,
    IReadOnlyList<string> HandedOver,
    bool Closed,
    string? Reason = null,
    StepNotes? Notes = null)
{
    public string DebtorId => Lines.Debtor.DebtorId;

    /// <summary>Invoices that had reached a level (or were held) and are no longer open: paid or credited since the last look.</summary>
    public IReadOnlyList<string> Settled { get; init; } = [];

    /// <summary>The credit note a resolved dispute waited for is now in the ledger.</summary>
    public bool CreditReleased { get; init; }

    /// <summary>A promise-to-pay pause ran out on this step (the date it ran until: promised date + grace).</summary>
    public DateOnly? PromiseRanOut { get; init; }
}

/// <summary>
/// Told by the cycle after each case decision is stored (and its messages queued). Must be idempotent: a retried or
/// repeated cycle tells again.
/// </summary>
public interface IDunningStepObserver
{
    Task OnStepAsync(DunningStep step, CancellationToken cancellationToken);

    /// <summary>Told once per creditor after each cycle run (for work not tied to a changed case).</summary>
    Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Told when a debtor's case could not be processed and the cycle skipped it (the others went on).</summary>
    Task OnFailedAsync(DebtorFailure failure, CancellationToken cancellationToken) => Task.CompletedTask;
}
