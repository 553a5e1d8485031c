namespace Receivables.Printing;

/// <summary>One block of a printable document, laid out top to bottom by <see cref="PdfPrinter"/>.</summary>
public abstract record PrintBlock;
