namespace Receivables.Email;

/// <summary>An amount in a named currency (ISO 4217 code).</summary>
public sealed record CurrencyAmount(string Currency, decimal Amount);
