namespace Receivables.Email;

/// <summary>A message ready to send. <see cref="IdempotencyKey"/> identifies it across retries and crashes.</summary>
public sealed record OutboundEmail(
    string IdempotencyKey,
    string ToAddress,
    string ToName,
    string FromAddress,
    string FromName,
    string ReplyTo,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<EmailAttachment> Attachments)
{
    /// <summary>The debtor's message this answers (In-Reply-To and References); null for a message that starts a conversation.</summary>
    public ReplyThread? Thread { get; init; }
}
