namespace Receivables.Messaging;

/// <summary>
/// What the evidence files a sent message under: the case, the message's key and template, and who decided to send it.
/// </summary>
public sealed record SentLetter(string CreditorId, string DebtorId, string CaseId, string? Template, string Key, string Actor)
{
    /// <summary>The address it was sent to; when not known, it is read from the sent message.</summary>
    public string? To { get; init; }

    /// <summary>The evidence item's title; default "Sent {template}".</summary>
    public string? Title { get; init; }

    /// <summary>The evidence item's idempotency key; default "sent:{key}".</summary>
    public string? EvidenceKey { get; init; }
}
