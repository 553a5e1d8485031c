using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Storage;

namespace Receivables.Email.Storage;

/// <summary>
/// The default sender when no SendGrid key is configured: writes each message as a real .eml file to the outbox folder
/// (or the <c>outbox</c> container). The file is named after the idempotency key and written atomically, so its
/// existence is the proof of sending that <see cref="FindSentAsync"/> gives after a crash.
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, StorageClients storage, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public const string Provider = "outbox";

    public async Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        if (await FindSentAsync(email.IdempotencyKey, cancellationToken) is { } already)
        {
            return already;
        }

        var message = MimeMessages.Build(email, time.GetUtcNow());
        var bytes = MimeMessages.ToBytes(message);
        var name = FileName(email.IdempotencyKey);
        if (options.Value.OutboxPath is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var temp = Path.Combine(folder, "." + name + ".tmp");
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, Path.Combine(folder, name), overwrite: false);
        }
        else
        {
            try
            {
                await storage.Container(StorageNames.Containers.Outbox).GetBlobClient("eml/" + name)
                    .UploadAsync(BinaryData.FromBytes(bytes), overwrite: false, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return (await FindSentAsync(email.IdempotencyKey, cancellationToken))!;
            }
        }

        logger.LogInformation("Wrote {MessageId} to {To} ({Subject}) to the outbox as {File}", message.MessageId, email.ToAddress, email.Subject, name);
        return new SentEmail(message.MessageId ?? "", Provider, bytes, null);
    }

    public async Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var name = FileName(idempotencyKey);
        byte[] bytes;
        if (options.Value.OutboxPath is { Length: > 0 } folder)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                return null;
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        else
        {
            var blob = storage.Container(StorageNames.Containers.Outbox).GetBlobClient("eml/" + name);
            try
            {
                bytes = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }

        using var stream = new MemoryStream(bytes);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        return new SentEmail(message.MessageId ?? "", Provider, bytes, null);
    }

    /// <summary>Readable and unique: the first 24 hex digits of the key's SHA-256.</summary>
    public static string FileName(string idempotencyKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24].ToLowerInvariant() + ".eml";
}
