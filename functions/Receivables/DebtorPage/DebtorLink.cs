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
