namespace Receivables.Printing;

/// <summary>
/// A document a person prints or a debtor signs (the plan agreement, a letter sent by post): a title, the
/// sender's line, optional recipient address lines, and blocks. <see cref="Footer"/> is printed on every page with
/// the page number.
/// </summary>
public sealed record PrintDocument(string Title, string Sender, IReadOnlyList<string> Recipient, IReadOnlyList<PrintBlock> Blocks, string Footer, string PageLabel, string Language);
