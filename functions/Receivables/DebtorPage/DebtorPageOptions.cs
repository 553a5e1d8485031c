using System.ComponentModel.DataAnnotations;

namespace Receivables.DebtorPage;

/// <summary>Settings of the debtor's page (<c>Receivables:DebtorPage</c>).</summary>
public sealed class DebtorPageOptions
{
    public const string Section = "Receivables:DebtorPage";

    /// <summary>
    /// The HMAC key that signs links and form tokens (at least 32 characters; a Key Vault reference in Azure). Empty:
    /// letters carry no link and the page answers every token as unknown.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>The public address of the page up to the token, e.g. <c>https://func-x.azurewebsites.net/api/debtor/</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>How long a link in a letter opens the page.</summary>
    [Range(1, 365, ErrorMessage = "Receivables:DebtorPage:LinkDays must be 1..365.")]
    public int LinkDays { get; init; } = 45;

    /// <summary>Requests per minute one client address may make (pages, PDFs and forms together).</summary>
    [Range(1, 10_000, ErrorMessage = "Receivables:DebtorPage:RequestsPerMinute must be 1..10000.")]
    public int RequestsPerMinute { get; init; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningKey) && !string.IsNullOrWhiteSpace(BaseUrl);
}
