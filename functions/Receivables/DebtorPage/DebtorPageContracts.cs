namespace Receivables.DebtorPage;

/// <summary>
/// A request to the debtor's page, free of host types: <c>/api/debtor/{token}/{resource}</c>. The hosts fill
/// <see cref="ClientAddress"/> from the connection (local) or the front end's X-Forwarded-For (Azure).
/// </summary>
public sealed record DebtorPageRequest(string Method, string Token, string? Resource, string ClientAddress, string? ContentType, Stream Body);

/// <summary>The page's answer: status, content type, bytes and the headers (CSP, no caching, no referrer).</summary>
public sealed record DebtorPageResponse(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>The debtor's page: one handler for both hosts.</summary>
public interface IDebtorPage
{
    Task<DebtorPageResponse> HandleAsync(DebtorPageRequest request, CancellationToken cancellationToken = default);

    /// <summary>The page's static files (<c>/api/debtor-assets/{name}</c>): only the stylesheet.</summary>
    DebtorPageResponse Asset(string name);
}
