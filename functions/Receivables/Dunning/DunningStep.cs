namespace Receivables.Dunning;

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
