namespace Receivables.Printing;

/// <summary>A bold heading.</summary>
public sealed record PrintHeading(string Text) : PrintBlock;
