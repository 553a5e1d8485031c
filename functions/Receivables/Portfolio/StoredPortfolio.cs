namespace Receivables.Portfolio;

/// <summary>A stored index with the storage version it was read at (to tell whether a cached copy is current).</summary>
public sealed record StoredPortfolio(PortfolioIndex Index, string Version);
