namespace Receivables.Replies;

/// <summary>
/// Inbound replies: the raw payload and one record per reply (state, class, matched case), and the claims that limit
/// acknowledgements per debtor. The adapter is <see cref="Storage.TableReplyStore"/>.
/// </summary>
public interface IReplyStore
{
    /// <summary>Stores the payload and its record. <c>Created=false</c> when this reply was already stored.</summary>
    Task<(StoredReply Reply, bool Created)> StoreAsync(string replyId, string dedupeKey, string contentType, byte[] payload, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<StoredReply?> GetAsync(string replyId, CancellationToken cancellationToken);

    Task<byte[]> ReadPayloadAsync(StoredReply reply, CancellationToken cancellationToken);

    /// <summary>Merges the given columns into the reply's record (a concurrent change makes the caller retry).</summary>
    Task UpdateAsync(string replyId, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken);

    /// <summary>Replies with the given state (e.g. "awaiting-ledger").</summary>
    IAsyncEnumerable<StoredReply> ListByStateAsync(string state, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the one acknowledgement of kind <paramref name="template"/> a debtor may get per <paramref name="period"/>:
    /// true for the first claim in the period and for the same <paramref name="claimKey"/> again (a retried reply).
    /// </summary>
    Task<bool> ClaimAcknowledgementAsync(string creditorId, string debtorId, string template, string claimKey, DateTimeOffset now, TimeSpan period, CancellationToken cancellationToken);

    /// <summary>Gives a claim back when nothing was sent under it, so the next reply may try.</summary>
    Task ReleaseAcknowledgementAsync(string creditorId, string debtorId, string template, string claimKey, CancellationToken cancellationToken);
}
