namespace Receivables.Dunning;

/// <summary>Why a case is paused. A paused case gets no automatic step until it resumes by rule or by a person.</summary>
public enum PauseReason
{
    PromiseToPay,
    Dispute,
    PlanInForce,

    /// <summary>A repayment proposal was sent; dunning waits for the answer until its deadline.</summary>
    PlanProposed,
    AwaitingLedger,
    Manual,

    /// <summary>A reminder could not be sent (bad address or data): held until a person fixes it or sends it another way.</summary>
    SendFailed,
}

/// <summary>The ladder stage a case has reached.</summary>
public static class CaseStages
{
    public const string Current = "current";
    public const string Friendly = "friendly-reminder";
    public const string Reminder = "reminder";
    public const string CollectionNotice = "collection-notice";
    public const string Manual = "manual";
    public const string Closed = "closed";
}

/// <summary>A debtor's dunning case as other features see it.</summary>
public sealed record CaseView(
    string CreditorId,
    string DebtorId,
    string CaseId,
    string ReplyToken,
    string Stage,
    string? DebtorEmail,
    PauseReason? Pause,
    DateOnly? PausedUntil,
    IReadOnlyList<string> HeldInvoices)
{
    /// <summary>The credit note a resolved dispute waits for before its invoices leave the hold (null: none).</summary>
    public AwaitedCredit? AwaitedCredit { get; init; }

    /// <summary>The debtor's name as the ledger last showed it (for a letter when the debtor has left the ledger).</summary>
    public string? DebtorName { get; init; }

    public bool IsBusiness { get; init; }

    /// <summary>Held for a dispute: the whole case or some of its invoices.</summary>
    public bool IsHeld => Pause == PauseReason.Dispute || HeldInvoices.Count > 0;
}

/// <summary>
/// How a person resolved a dispute over <see cref="Invoices"/>: <see cref="CreditTo"/> null when it was rejected (the
/// ladder resumes, no step before <see cref="Deadline"/>); else the invoices stay held until the ledger shows their open
/// amount credited down to <see cref="CreditTo"/> (0: upheld in full), and what is left is due by <see cref="Deadline"/>.
/// <see cref="KnownCredits"/>: the credit notes the ledger already showed, which do not count as the new one.
/// </summary>
public sealed record DisputeResolution(IReadOnlyList<string> Invoices, DateOnly Deadline, decimal? CreditTo, IReadOnlyList<string> KnownCredits);

/// <summary>
/// What replies, plans and people may do to a case. Every call is idempotent on its key and is archived as a decision
/// with its actor.
/// </summary>
public interface ICaseActions
{
    Task<CaseView?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);

    /// <summary>The case whose reply address carries <paramref name="replyToken"/> (plus-addressing).</summary>
    Task<CaseView?> FindByReplyTokenAsync(string replyToken, CancellationToken cancellationToken = default);

    /// <summary>The case an outbound message (by its Message-ID or provider id) was sent for.</summary>
    Task<CaseView?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Cases whose debtor uses this email address (exact) or, when none, this domain.</summary>
    Task<IReadOnlyList<CaseView>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Pauses the case (or only <paramref name="invoiceNumbers"/>) until <paramref name="until"/> (null: until resumed).</summary>
    Task PauseAsync(string creditorId, string debtorId, PauseReason reason, DateOnly? until, IReadOnlyList<string>? invoiceNumbers, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    Task ResumeAsync(string creditorId, string debtorId, PauseReason reason, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Ends a dispute hold as a person decided it (<see cref="DisputeResolution"/>).</summary>
    Task ResolveDisputeAsync(string creditorId, string debtorId, DisputeResolution resolution, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Releases invoices held for a dispute or an awaited credit note: the ladder resumes on them from where it stood.</summary>
    Task ReleaseHoldAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Restarts the friendly step's deadline (invoice not received / copy sent).</summary>
    Task RestartFriendlyStepAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);
}
