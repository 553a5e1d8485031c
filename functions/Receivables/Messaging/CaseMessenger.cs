using System.Text;
using System.Text.Json;
using Receivables.Channel;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Storage;

namespace Receivables.Messaging;

/// <summary>
/// The one way to write to a debtor about a case: build the document (<see cref="CaseDocuments"/>), render it with the
/// creditor's templates, send it once (the sender's record of the key is checked first), and archive what was sent, with
/// its recipient, as evidence. Reminders, reply acknowledgements, call confirmations, plan letters, set-off notices and
/// the rendered samples all go through here. Outside the contact hours (<see cref="ContactHours"/>) a message is composed
/// as decided and held (<see cref="IHeldMessageStore"/>); <see cref="HeldRelease"/> sends it when the next window opens.
/// </summary>
public sealed class CaseMessenger(
    CaseDocuments documents,
    IMessageRenderer renderer,
    IEmailSender sender,
    IEvidenceArchive archive,
    ContactHours hours,
    IHeldMessageStore held,
    TimeProvider time)
{
    /// <summary>The <see cref="SentEmail.Provider"/> of a message held for the contact hours.</summary>
    public const string Held = "held";

    /// <summary>The document a message about the case would state, or null when there is nothing to send it with.</summary>
    public Task<ReminderDocument?> DocumentAsync(CaseView found, string template, Func<string, IReadOnlyDictionary<string, string>> extraFor, CancellationToken cancellationToken) =>
        documents.ForCaseAsync(found, template, extraFor, cancellationToken);

    /// <summary>The message as <see cref="SendAsync(CaseView, string, string, Func{string, IReadOnlyDictionary{string, string}}, string, CancellationToken, IReadOnlyList{EmailAttachment}?, string?, Contact.LetterContent?)"/> would send it, rendered but neither sent nor archived (null as there).</summary>
    public async Task<RenderedMessage?> PreviewAsync(CaseView found, string template, Func<string, IReadOnlyDictionary<string, string>> extraFor, CancellationToken cancellationToken)
    {
        var document = await documents.ForCaseAsync(found, template, extraFor, cancellationToken);
        return document is null ? null : await renderer.RenderAsync(document with { Preview = true }, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="template"/> to the debtor with the latest ledger's facts, once per <paramref name="key"/>, and
    /// archives it; null when there is nothing to send it with (no ledger entry or no address). Replies go to the case's
    /// reply address unless <paramref name="replyAddress"/> names another (the case address the debtor wrote to).
    /// </summary>
    public async Task<SentEmail?> SendAsync(
        CaseView found,
        string template,
        string key,
        Func<string, IReadOnlyDictionary<string, string>> extraFor,
        string actor,
        CancellationToken cancellationToken,
        IReadOnlyList<EmailAttachment>? attachments = null,
        string? replyAddress = null,
        Contact.LetterContent? content = null)
    {
        var document = await documents.ForCaseAsync(found, template, extraFor, cancellationToken, replyAddress, content);
        return document is null ? null : await SendAsync(new CaseMessage(document, key, actor) { Attachments = attachments ?? [], Thread = content?.Thread }, cancellationToken);
    }

    /// <summary>
    /// Sends a built message once per key (a send already on the sender's record is not repeated) and archives it; outside
    /// the contact hours it is held instead and the result says until when (<see cref="SentEmail.HeldUntil"/>).
    /// </summary>
    public async Task<SentEmail> SendAsync(CaseMessage message, CancellationToken cancellationToken)
    {
        var sent = await sender.FindSentAsync(message.Key, cancellationToken);
        if (sent is null)
        {
            var now = time.GetUtcNow();
            var opens = hours.OpensAt(now);
            if (opens > now)
            {
                return await HoldAsync(message, now, opens, cancellationToken);
            }

            sent = await DeliverAsync(message, cancellationToken);
        }

        await ArchiveAsync(message, sent, cancellationToken);
        return sent;
    }

    /// <summary>Composes the message as decided now, keeps it until <paramref name="until"/> and records the decision to hold it.</summary>
    private async Task<SentEmail> HoldAsync(CaseMessage message, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var email = await ComposeAsync(message, cancellationToken);
        await held.PutAsync(HeldMessage.ForLetter(email, message.Letter, until), cancellationToken);
        await ArchiveHoldAsync(message.Letter, now, until, cancellationToken);
        return new SentEmail(MimeMessages.MessageIdFor(email), Held, [], null) { HeldUntil = until };
    }

    /// <summary>Records in the case's evidence that a message decided at <paramref name="now"/> waits for the contact hours.</summary>
    public async Task ArchiveHoldAsync(SentLetter letter, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["key"] = letter.Key,
            ["heldUntil"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            [EvidenceMetadata.Summary] = $"Decided outside the contact hours; held until {until:yyyy-MM-dd HH:mm} UTC",
        };
        if (letter.Template is { } template)
        {
            metadata["template"] = template;
        }

        if (letter.To is { } to)
        {
            metadata[EvidenceMetadata.To] = to;
        }

        await archive.AppendAsync(
            new EvidenceItem(letter.CreditorId, letter.DebtorId, letter.CaseId, EvidenceKinds.Decision, $"Held for the contact hours: {letter.Template ?? letter.Key} goes out {until:yyyy-MM-dd HH:mm} UTC",
                "application/json", JsonSerializer.SerializeToUtf8Bytes(new { key = letter.Key, template = letter.Template, decidedAt = now, heldUntil = until, rule = "contact hours (Receivables:Channel:ContactHours)" }, Json.Indented),
                letter.Actor, "held:" + letter.Key, now, metadata),
            cancellationToken);
    }

    /// <summary>Renders and sends without asking the sender first: for a caller whose own record says it was not sent.</summary>
    public async Task<SentEmail> DeliverAsync(CaseMessage message, CancellationToken cancellationToken) =>
        await sender.SendAsync(await ComposeAsync(message, cancellationToken), cancellationToken);

    /// <summary>The email the message becomes: rendered, from the creditor, replies to the case's address.</summary>
    public async Task<OutboundEmail> ComposeAsync(CaseMessage message, CancellationToken cancellationToken)
    {
        var document = message.Document;
        var rendered = await renderer.RenderAsync(document, cancellationToken);
        var tags = new Dictionary<string, string>(message.Tags)
        {
            [EmailCustomArgs.Creditor] = document.CreditorId,
            [EmailCustomArgs.Debtor] = document.DebtorId,
            [EmailCustomArgs.Case] = document.CaseId,
            ["key"] = message.Key,
            ["template"] = document.Template,
        };
        return new OutboundEmail(
            message.Key, document.DebtorEmail, document.DebtorName, document.CreditorEmail, document.CreditorName, document.ReplyAddress,
            message.Thread?.SubjectFor(document.Language) ?? rendered.Subject, rendered.Text, rendered.Html, tags, message.Attachments)
        { Thread = message.Thread };
    }

    /// <summary>Archives the sent email (and the provider's request, when there is one) with its recipient and message id.</summary>
    public Task ArchiveAsync(CaseMessage message, SentEmail sent, CancellationToken cancellationToken) =>
        ArchiveAsync(message.Letter, sent, cancellationToken);

    /// <summary>Archives a sent email by what the evidence files it under (for a sender that no longer holds the document).</summary>
    public async Task ArchiveAsync(SentLetter letter, SentEmail sent, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["key"] = letter.Key,
            ["provider"] = sent.Provider,
            [EvidenceMetadata.MessageId] = sent.MessageId,
        };
        if (letter.Template is { } template)
        {
            metadata["template"] = template;
        }

        if ((letter.To ?? RecipientOf(sent)) is { } to)
        {
            metadata[EvidenceMetadata.To] = to;
        }

        await archive.AppendAsync(
            new EvidenceItem(letter.CreditorId, letter.DebtorId, letter.CaseId, EvidenceKinds.OutboundEmail, letter.Title ?? "Sent " + letter.Template,
                "message/rfc822", sent.RawMime, letter.Actor, letter.EvidenceKey ?? "sent:" + letter.Key, time.GetUtcNow(), metadata),
            cancellationToken);
        if (sent.ProviderRequestJson is { Length: > 0 } request)
        {
            await archive.AppendAsync(
                new EvidenceItem(letter.CreditorId, letter.DebtorId, letter.CaseId, EvidenceKinds.ProviderRequest, "Provider request " + letter.Key,
                    "application/json", Encoding.UTF8.GetBytes(request), letter.Actor, "provider|" + letter.Key, time.GetUtcNow(), metadata),
                cancellationToken);
        }
    }

    /// <summary>The address the message was sent to, from its MIME (null when the proof is not a parsable message).</summary>
    private static string? RecipientOf(SentEmail sent)
    {
        try
        {
            using var stream = new MemoryStream(sent.RawMime);
            return MimeKit.MimeMessage.Load(stream).To.Mailboxes.FirstOrDefault()?.Address;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
