using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Receivables.DebtorPage;

/// <summary>
/// Issues, checks and revokes the links to debtors' pages. A link is per debtor and case, expires after
/// <see cref="DebtorPageOptions.LinkDays"/>, and can be revoked by its id.
/// </summary>
public sealed class DebtorLinks(IDebtorLinkStore store, IOptions<DebtorPageOptions> options, TimeProvider time, ILogger<DebtorLinks> logger)
{
    private readonly byte[] linkKey = PageToken.DeriveKey(options.Value.SigningKey ?? "", "link");
    private readonly byte[] formKey = PageToken.DeriveKey(options.Value.SigningKey ?? "", "form");

    public bool Enabled => options.Value.Enabled;

    public async Task<IssuedLink> IssueAsync(string creditorId, string debtorId, string caseId, string purpose, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            throw new Common.ReceivablesException($"The debtor page is off: set {DebtorPageOptions.Section}:SigningKey and :BaseUrl.");
        }

        var now = time.GetUtcNow();
        var expires = now.AddDays(options.Value.LinkDays);
        var tokenId = PageToken.NewId();
        await store.AddAsync(new DebtorLink(tokenId, creditorId, debtorId, caseId, now, expires, null, purpose), cancellationToken);
        var token = PageToken.Create(linkKey, tokenId, expires);
        logger.LogInformation("Issued debtor page link {TokenId} for {CreditorId}/{DebtorId} ({Purpose}), valid until {ExpiresAt}", tokenId, creditorId, debtorId, purpose, expires);
        return new IssuedLink(UrlOf(token), token, tokenId, expires);
    }

    /// <summary>
    /// What a letter that is only previewed shows instead of a link: the page's address with a placeholder for the
    /// token, and the expiry a link issued now would have. Nothing is stored; the sent letter gets its own link.
    /// </summary>
    public IssuedLink Placeholder()
    {
        var expires = time.GetUtcNow().AddDays(options.Value.LinkDays);
        return new IssuedLink(UrlOf(PreviewToken), PreviewToken, "", expires);
    }

    /// <summary>The token a previewed letter's link shows (<see cref="Placeholder"/>); it opens no page.</summary>
    public const string PreviewToken = "personlig-lenke-lages-ved-sending";

    public string UrlOf(string token) => options.Value.BaseUrl!.TrimEnd('/') + "/" + token;

    /// <summary>
    /// <see cref="LinkCheck.Valid"/> only for a signed, unexpired, unrevoked link; <see cref="LinkCheck.Known"/> for a
    /// signed link we issued and did not revoke (even when expired), so that a fresh one can go to the known address.
    /// </summary>
    public async Task<LinkCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!Enabled || !PageToken.TryRead(linkKey, token, out var tokenId, out var expiresAt))
        {
            return new LinkCheck(null, null);
        }

        var link = await store.GetAsync(tokenId, cancellationToken);
        if (link is null || link.RevokedAt is not null || link.ExpiresAt.ToUnixTimeSeconds() != expiresAt.ToUnixTimeSeconds())
        {
            return new LinkCheck(null, null);
        }

        return time.GetUtcNow() < expiresAt ? new LinkCheck(link, link) : new LinkCheck(null, link);
    }

    public Task<bool> RevokeAsync(string tokenId, CancellationToken cancellationToken = default) =>
        store.RevokeAsync(tokenId, time.GetUtcNow(), cancellationToken);

    /// <summary>Revokes every link of a debtor's case; returns how many were still open.</summary>
    public async Task<int> RevokeCaseAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default)
    {
        var revoked = 0;
        await foreach (var link in store.ListAsync(creditorId, debtorId, cancellationToken))
        {
            if (link.RevokedAt is null && await store.RevokeAsync(link.TokenId, time.GetUtcNow(), cancellationToken))
            {
                revoked++;
            }
        }

        return revoked;
    }

    public string FormToken(string token, string form) => PageToken.FormToken(formKey, token, form);

    public bool CheckFormToken(string token, string form, string? presented) => PageToken.CheckFormToken(formKey, token, form, presented);
}
