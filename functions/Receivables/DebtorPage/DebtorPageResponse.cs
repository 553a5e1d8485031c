namespace Receivables.DebtorPage;

/// <summary>The page's answer: status, content type, bytes and the headers (CSP, no caching, no referrer).</summary>
public sealed record DebtorPageResponse(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers);
