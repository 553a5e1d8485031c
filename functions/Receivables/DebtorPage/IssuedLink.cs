namespace Receivables.DebtorPage;

/// <summary>A link issued for a letter: the address to print and when it stops working.</summary>
public sealed record IssuedLink(string Url, string Token, string TokenId, DateTimeOffset ExpiresAt);
