namespace Receivables.Email;

/// <summary>Proof of sending: the provider's message id, the exact MIME, and the provider request when there was one.</summary>
public sealed record SentEmail(string MessageId, string Provider, byte[] RawMime, string? ProviderRequestJson)
{
    /// <summary>Set when the message was decided outside the contact hours: it is held and goes out at this instant (<see cref="RawMime"/> is empty until then).</summary>
    public DateTimeOffset? HeldUntil { get; init; }
}
