namespace Receivables.DebtorPage;

/// <summary>The debtor's page: one handler for both hosts.</summary>
public interface IDebtorPage
{
    Task<DebtorPageResponse> HandleAsync(DebtorPageRequest request, CancellationToken cancellationToken = default);

    /// <summary>The page's static files (<c>/api/debtor-assets/{name}</c>): only the stylesheet.</summary>
    DebtorPageResponse Asset(string name);
}
