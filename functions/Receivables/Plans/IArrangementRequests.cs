namespace Receivables.Plans;

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
