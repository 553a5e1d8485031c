namespace Receivables.Plans;

/// <summary>Who asked for a repayment plan.</summary>
public enum ArrangementSource
{
    Reply,
    Person,
    EscalationGate,
}

/// <summary>A request to draft a repayment plan for a debtor (a liquidity reply, a person, or the escalation gate).</summary>
public sealed record ArrangementRequest(
    string CreditorId,
    string DebtorId,
    string? CaseId,
    ArrangementSource Source,
    string Note,
    string IdempotencyKey,
    decimal? ProposedInstallment = null,
    string? ProposedFrequency = null);

/// <summary>Replies hand liquidity problems and arrangement requests here; the plans feature drafts a proposal.</summary>
public interface IArrangementRequests
{
    /// <summary>Drafts (once per idempotency key) a plan proposal awaiting approval; returns its id.</summary>
    Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// A reply that accepts a proposal ("godtar", "accept") for this debtor: puts the sent proposal in force and returns
    /// its id, or null when the debtor has no proposal awaiting acceptance.
    /// </summary>
    Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default);
}
