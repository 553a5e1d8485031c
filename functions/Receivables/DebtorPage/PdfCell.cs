namespace Receivables.DebtorPage;

/// <summary>One cell of a <see cref="PdfWriter.Row"/>: its text, its column width in points, and whether it is right-aligned (amounts).</summary>
public sealed record PdfCell(string Text, double Width, bool Right = false);
