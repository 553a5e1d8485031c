using System.Security.Cryptography;
using System.Text;
using Receivables.Dunning;
using Receivables.Email;

namespace Receivables.Messaging;

/// <summary>
/// A message decided outside the contact hours, kept until <see cref="Until"/> (the next window's opening): either a
/// decided reminder (its queue message; the reminder handler builds and sends it then) or a composed letter with how the
/// evidence files it once sent.
/// </summary>
public sealed record HeldMessage(string Key, DateTimeOffset Until, SendReminderMessage? Reminder, OutboundEmail? Email, SentLetter? Letter)
{
    /// <summary>A reminder held until the window opens.</summary>
    public static HeldMessage ForReminder(SendReminderMessage reminder, DateTimeOffset until) => new(reminder.Key, until, reminder, null, null);

    /// <summary>A composed letter held until the window opens.</summary>
    public static HeldMessage ForLetter(OutboundEmail email, SentLetter letter, DateTimeOffset until) => new(email.IdempotencyKey, until, null, email, letter);

    /// <summary>A stable name per key, so holding the same message twice keeps one.</summary>
    public string Id => (Reminder is null ? "letter-" : "reminder-") + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key)))[..32].ToLowerInvariant();
}
