namespace Receivables.Replies;

/// <summary>How inbound posts are authenticated.</summary>
public enum InboundAuthMode
{
    /// <summary>Signature when <see cref="RepliesOptions.SignedWebhookPublicKey"/> is set, else secret/basic auth.</summary>
    Auto,

    /// <summary>SendGrid's signed security policy: ECDSA P-256 over timestamp + raw body.</summary>
    Signature,

    /// <summary>A secret as the last path segment (<c>/api/inbound/{secret}</c>) or HTTP basic auth.</summary>
    Secret,
}
