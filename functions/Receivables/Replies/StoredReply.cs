using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>The state of one stored reply (row of <see cref="StorageNames.Tables.Replies"/>).</summary>
public sealed record StoredReply(string ReplyId, string DedupeKey, string ContentType, string BlobPath, DateTimeOffset ReceivedAt, bool Queued, string State, string? Class, string? CaseId)
{
    /// <summary>The creditor of the matched case, once the reply was processed.</summary>
    public string? CreditorId { get; init; }

    /// <summary>The debtor of the matched case, once the reply was processed.</summary>
    public string? DebtorId { get; init; }

    /// <summary>The reply's thread (<see cref="Email.ReplyThread.ToStored"/>), so letters answering it are threaded.</summary>
    public string? Thread { get; init; }
}
