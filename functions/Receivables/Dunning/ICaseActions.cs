namespace Receivables.Dunning;

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

    /// <summary>
    /// Releases one held invoice (held by a person or for a dispute): the ladder goes on with it on the next cycle, from
    /// where it stood; the other held invoices stay held. An invoice that is not held is refused.
    /// </summary>
    Task ReleaseInvoiceAsync(string creditorId, string debtorId, string invoiceNumber, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets (or, with <paramref name="neverAutomatic"/> false, undoes) never-automatic: while set, the cycle sends this
    /// debtor nothing by itself — no reminder, no automatic escalation — and a person follows the case up. After an undo
    /// the ladder goes on from where it stood on the next cycle.
    /// </summary>
    Task SetNeverAutomaticAsync(string creditorId, string debtorId, bool neverAutomatic, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Restarts the friendly step's deadline (invoice not received / copy sent).</summary>
    Task RestartFriendlyStepAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default);
}
