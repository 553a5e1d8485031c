using System.ComponentModel.DataAnnotations;

namespace Receivables.Replies;

/// <summary>Settings of the Replies feature (<c>Receivables:Replies</c>).</summary>
public sealed class RepliesOptions
{
    public const string Section = "Receivables:Replies";

    /// <summary>The placeholder earlier samples shipped (and the pattern of its kind): never accepted as a secret.</summary>
    public const string SamplePlaceholder = "change-me";

    /// <summary>The shortest route secret accepted (32 random characters, e.g. <c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinSecretLength = 32;

    public InboundAuthMode AuthMode { get; init; } = InboundAuthMode.Auto;

    /// <summary>
    /// The secret expected as the route's last segment. Empty: route secrets are not accepted. Otherwise at least
    /// <see cref="MinSecretLength"/> characters and not a sample's placeholder (checked at start).
    /// </summary>
    public string? Secret { get; init; }

    public string? BasicAuthUser { get; init; }

    public string? BasicAuthPassword { get; init; }

    /// <summary>The security policy's public key (base64 DER, as SendGrid shows it).</summary>
    public string? SignedWebhookPublicKey { get; init; }

    public string SignatureHeader { get; init; } = "X-Twilio-Email-Event-Webhook-Signature";

    public string TimestampHeader { get; init; } = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>How old a signed timestamp may be (replay protection).</summary>
    [Range(1, 1440, ErrorMessage = "Receivables:Replies:SignatureMaxAgeMinutes must be 1..1440.")]
    public int SignatureMaxAgeMinutes { get; init; } = 10;

    [Range(1, 100_000_000, ErrorMessage = "Receivables:Replies:MaxPostBytes must be 1..100000000 (SendGrid posts up to 20 MB).")]
    public int MaxPostBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>A promise further out than this many days is not honoured automatically: a person decides.</summary>
    [Range(1, 365, ErrorMessage = "Receivables:Replies:MaxPromiseDays must be 1..365.")]
    public int MaxPromiseDays { get; init; } = 30;

    /// <summary>Days added to a promised date before the ladder resumes.</summary>
    [Range(0, 30, ErrorMessage = "Receivables:Replies:PromiseGraceDays must be 0..30.")]
    public int PromiseGraceDays { get; init; } = 3;

    /// <summary>Pause for a promise that names no date.</summary>
    [Range(1, 60, ErrorMessage = "Receivables:Replies:PromiseWithoutDateDays must be 1..60.")]
    public int PromiseWithoutDateDays { get; init; } = 7;

    /// <summary>Below this confidence a reply's action still runs only when safe, and a person is asked to review.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Receivables:Replies:ReviewBelowConfidence must be 0..1.")]
    public double ReviewBelowConfidence { get; init; } = 0.6;

    /// <summary>
    /// A debtor gets the same kind of acknowledgement (promise confirmation, dispute acknowledgement, invoice copy, an
    /// answer) at most once in this period, however many replies arrive; every reply still acts and is archived.
    /// Zero: every reply is acknowledged.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Receivables:Replies:AcknowledgeAtMostEvery must be a period from 00:00:00 to 30.00:00:00 (e.g. 1.00:00:00 for one day).")]
    public TimeSpan AcknowledgeAtMostEvery { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Why the configured route secret cannot be used, or null when it can (empty counts as "not used").</summary>
    public string? SecretProblem()
    {
        if (string.IsNullOrEmpty(Secret))
        {
            return null;
        }

        const string Setting = "Receivables:Replies:Secret (Receivables__Replies__Secret)";
        var fix = $"Set it to at least {MinSecretLength} random characters (e.g. the output of `openssl rand -hex 32`), or leave it empty to accept no route secret.";
        if (Secret.Contains(SamplePlaceholder, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Setting} is a sample's placeholder (it contains '{SamplePlaceholder}'): anyone who has read the sample could post replies. {fix}";
        }

        return Secret.Trim().Length < MinSecretLength
            ? $"{Setting} is {Secret.Trim().Length} characters: too short to keep the inbound endpoint private. {fix}"
            : null;
    }
}
