namespace Receivables.DebtorPage;

/// <summary>
/// A request to the debtor's page, free of host types: <c>/api/debtor/{token}/{resource}</c>. The hosts fill
/// <see cref="ClientAddress"/> from the connection (local) or the front end's X-Forwarded-For (Azure).
/// </summary>
public sealed record DebtorPageRequest(string Method, string Token, string? Resource, string ClientAddress, string? ContentType, Stream Body);
