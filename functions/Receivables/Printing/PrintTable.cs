namespace Receivables.Printing;

/// <summary>
/// A table with a bold header row. <see cref="Widths"/> are relative column widths; columns listed in
/// <see cref="RightAligned"/> (amounts) are right-aligned. The last row is bold when <see cref="BoldLastRow"/> (a total).
/// </summary>
public sealed record PrintTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths, IReadOnlyList<int> RightAligned, bool BoldLastRow = false) : PrintBlock;
