namespace Receivables.Portfolio;

/// <summary>Where the per-creditor <see cref="PortfolioIndex"/> is kept (one compressed blob per creditor).</summary>
public interface IPortfolioStore
{
    Task<StoredPortfolio?> GetAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>The current version only (one metadata read), or null when there is no index.</summary>
    Task<string?> GetVersionAsync(string creditorId, CancellationToken cancellationToken = default);

    Task SaveAsync(PortfolioIndex index, CancellationToken cancellationToken = default);
}
