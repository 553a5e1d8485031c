namespace Receivables.Printing;

/// <summary>Wrapped text; a line break in <see cref="Text"/> starts a new line. <see cref="Bold"/> for emphasis.</summary>
public sealed record PrintParagraph(string Text, bool Bold = false) : PrintBlock;
