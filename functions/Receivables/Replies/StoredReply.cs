using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>The state of one stored reply (row of <see cref="StorageNames.Tables.Replies"/>).</summary>
public sealed record StoredReply(string ReplyId, string DedupeKey, string ContentType, string BlobPath, DateTimeOffset ReceivedAt, bool Queued, string State, string? Class, string? CaseId);
