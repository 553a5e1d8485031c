using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>Stores a reply durably (payload blob + row) and queues it once, whichever way it arrived.</summary>
public sealed class ReplyIntake(IReplyStore store, IMessageQueue queue, TimeProvider time, ILogger<ReplyIntake> logger)
{
    /// <summary>Stores and queues the reply; a repeated payload (same Message-ID or same bytes) is not queued twice.</summary>
    public async Task<StoredReply> AcceptAsync(string contentType, byte[] payload, InboundEmail parsed, CancellationToken cancellationToken)
    {
        var dedupeKey = parsed.MessageId is { Length: > 0 } id
            ? "message-id:" + id.Trim().Trim('<', '>').ToLowerInvariant()
            : "sha256:" + Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant();
        var replyId = "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)))[..24].ToLowerInvariant();
        var (reply, created) = await store.StoreAsync(replyId, dedupeKey, contentType, payload, time.GetUtcNow(), cancellationToken);
        if (!created)
        {
            logger.LogInformation("Reply {ReplyId} ({DedupeKey}) was already stored", replyId, dedupeKey);
        }

        if (!reply.Queued)
        {
            await queue.SendAsync(StorageNames.Queues.ProcessReply, new ProcessReplyMessage(replyId), cancellationToken: cancellationToken);
            await store.UpdateAsync(replyId, new Dictionary<string, object?> { ["Queued"] = true }, cancellationToken);
            logger.LogInformation("Reply {ReplyId} from {From} stored and queued", replyId, parsed.From);
        }

        return reply with { Queued = true };
    }
}
