using Microsoft.Extensions.Logging;
using Receivables.Channel;
using Receivables.Email;
using Receivables.Storage;

namespace Receivables.Messaging;

/// <summary>
/// Sends the messages held for the contact hours once their window has opened: a held reminder goes back on its queue
/// (its handler builds and sends it exactly once), a held letter is sent once per key and archived. Run by a timer in
/// Azure (<c>ReleaseHeld</c>) and whenever the local host works its queues.
/// </summary>
public sealed class HeldRelease(
    IHeldMessageStore held,
    IEmailSender sender,
    CaseMessenger messenger,
    IMessageQueue queue,
    ContactHours hours,
    TimeProvider time,
    ILogger<HeldRelease> logger)
{
    /// <summary>Releases what is due now; returns how many messages went out (or back on their queue).</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!hours.IsOpen(now))
        {
            return 0;
        }

        var released = 0;
        await foreach (var message in held.DueAsync(now, cancellationToken))
        {
            if (message.Reminder is { } reminder)
            {
                await queue.SendAsync(StorageNames.Queues.SendReminder, reminder, cancellationToken: cancellationToken);
            }
            else if (message.Email is { } email && message.Letter is { } letter)
            {
                var sent = await sender.FindSentAsync(email.IdempotencyKey, cancellationToken) ?? await sender.SendAsync(email, cancellationToken);
                await messenger.ArchiveAsync(letter, sent, cancellationToken);
            }

            await held.RemoveAsync(message, cancellationToken);
            logger.LogInformation("Released {Key}, held for the contact hours until {Until}", message.Key, message.Until);
            released++;
        }

        return released;
    }
}
