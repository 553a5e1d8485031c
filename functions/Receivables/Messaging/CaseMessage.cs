using Receivables.Email;

namespace Receivables.Messaging;

/// <summary>
/// One message to a debtor about a case: the document to render, the key it is sent once under (the sender's
/// idempotency key), and who decided to send it (archived with the evidence).
/// </summary>
public sealed record CaseMessage(ReminderDocument Document, string Key, string Actor)
{
    /// <summary>Files sent with the message (a plan agreement to sign, a set-off statement).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>More custom arguments for the provider's events (the case's creditor, debtor, case, key and template are always set).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The debtor's message this one answers: threaded with In-Reply-To/References and its subject kept.</summary>
    public ReplyThread? Thread { get; init; }

    /// <summary>The evidence item's title; default "Sent {template}".</summary>
    public string? Title { get; init; }

    /// <summary>The evidence item's idempotency key; default "sent:{key}".</summary>
    public string? EvidenceKey { get; init; }

    /// <summary>How the evidence files this message once sent.</summary>
    public SentLetter Letter => new(Document.CreditorId, Document.DebtorId, Document.CaseId, Document.Template, Key, Actor) { Title = Title, EvidenceKey = EvidenceKey, To = Document.DebtorEmail };
}
