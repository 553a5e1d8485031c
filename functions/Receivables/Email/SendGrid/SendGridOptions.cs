using System.ComponentModel.DataAnnotations;
using Receivables.Common;

namespace Receivables.Email.SendGrid;

/// <summary>
/// SendGrid settings, bound from <c>Receivables:Email:SendGrid</c>. Checked when the sender or the event webhook is
/// used, not at start, so that hosts that write .eml files start without a key.
/// </summary>
public sealed class SendGridOptions
{
    public const string Section = "Receivables:Email:SendGrid";

    /// <summary>API key with Mail Send permission.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Base URL of the v3 API (tests point it at a local mock).</summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>Retries after the first try on 429 and 5xx.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Wait before the first retry; doubled for each further retry (unless SendGrid sends Retry-After).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait honoured from a Retry-After header.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a crash between SendGrid's acceptance and the stored proof, ask SendGrid's Email Activity API (a paid add-on;
    /// the API key needs Email Activity read access) whether the message went out before sending it again. Off: such a
    /// message is sent again (a possible duplicate, logged as a warning).
    /// </summary>
    public bool ActivityLookup { get; set; }

    /// <summary>How long after an unfinished try the Email Activity API is trusted to show it (its feed lags).</summary>
    public TimeSpan ActivitySettle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Event webhook verification key: base64 DER SubjectPublicKeyInfo (ECDSA P-256), as SendGrid shows it.</summary>
    public string EventWebhookPublicKey { get; set; } = "";

    internal void ThrowIfNotUsableForSending()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ReceivablesException($"Setting '{Section}:ApiKey' (Receivables__Email__SendGrid__ApiKey) is empty: set it to a SendGrid API key with Mail Send permission, or use the .eml outbox.");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ReceivablesException($"Setting '{Section}:BaseUrl' is '{BaseUrl}': it must be an absolute http(s) URL such as https://api.sendgrid.com.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ReceivablesException($"Setting '{Section}:MaxRetries' is {MaxRetries}: use 0 to 10.");
        }

        if (ActivitySettle < TimeSpan.Zero || ActivitySettle > TimeSpan.FromMinutes(10))
        {
            throw new ReceivablesException($"Setting '{Section}:ActivitySettle' is {ActivitySettle}: use 00:00:00 to 00:10:00.");
        }

        if (InitialBackoff < TimeSpan.Zero)
        {
            throw new ReceivablesException($"Setting '{Section}:InitialBackoff' is negative: use a time span such as 00:00:01.");
        }
    }
}
