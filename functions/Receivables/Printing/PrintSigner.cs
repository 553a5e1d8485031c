namespace Receivables.Printing;

/// <summary>A party who signs: its role ("Skyldner", "Kausjonist") and, when known, its name.</summary>
public sealed record PrintSigner(string Role, string? Name);
