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
    IReadOnlyList<string> HeldInvoices);

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

    /// <summary>Restarts the friendly step's deadline (invoice not received / copy sent).</summary>
    Task RestartFriendlyStepAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);
}
