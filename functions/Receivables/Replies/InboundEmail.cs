namespace Receivables.Replies;

/// <summary>A reply as SendGrid Inbound Parse (default or raw mode) or an .eml file delivered it.</summary>
public sealed record InboundEmail(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? Text,
    string? Html,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    DateTimeOffset? Date,
    string? Spf,
    string? Dkim,
    bool AutoSubmitted,
    IReadOnlyList<InboundAttachment> Attachments)
{
    /// <summary>Whether SPF was reported and did not pass (absent results are not failures: .eml files carry none).</summary>
    public bool SpfFailed => Spf is not null && !Spf.Trim().Equals("pass", StringComparison.OrdinalIgnoreCase);

    public bool DkimFailed => Dkim is not null && Dkim.Contains("fail", StringComparison.OrdinalIgnoreCase);

    /// <summary>A delivery-status notification by its headers (multipart/report, a delivery-status part, a mailer daemon).</summary>
    public bool DeliveryReport { get; init; }

    /// <summary>The machine-readable delivery-status part (Final-Recipient, Action, Status, ...) when there is one.</summary>
    public string? DeliveryStatus { get; init; }
}
