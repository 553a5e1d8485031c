namespace Receivables.DebtorPage;

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
