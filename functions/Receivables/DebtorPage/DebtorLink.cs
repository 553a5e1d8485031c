namespace Receivables.DebtorPage;

/// <summary>
/// One issued link to a debtor's page, stored by its random id so that it can be looked up and revoked. The token in
/// the letter carries only the id and the expiry, signed; who the debtor is stays here.
/// </summary>
public sealed record DebtorLink(
    string TokenId,
    string CreditorId,
    string DebtorId,
    string CaseId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string Purpose);

/// <summary>A link issued for a letter: the address to print and when it stops working.</summary>
public sealed record IssuedLink(string Url, string Token, string TokenId, DateTimeOffset ExpiresAt);

/// <summary>Stored links (table <c>DebtorLinks</c>).</summary>
public interface IDebtorLinkStore
{
    Task AddAsync(DebtorLink link, CancellationToken cancellationToken = default);

    Task<DebtorLink?> GetAsync(string tokenId, CancellationToken cancellationToken = default);

    /// <summary>Marks the link revoked (idempotent). False when there is no such link.</summary>
    Task<bool> RevokeAsync(string tokenId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The links issued for a debtor's case.</summary>
    IAsyncEnumerable<DebtorLink> ListAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);
}
