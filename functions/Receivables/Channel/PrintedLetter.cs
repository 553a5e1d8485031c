using Receivables.Common;
using Receivables.Printing;

namespace Receivables.Channel;

/// <summary>A letter exactly as emailed (its text body), laid out on A4 for posting: sender line, recipient, subject as title.</summary>
public static class PrintedLetter
{
    public static byte[] Render(CreditorOptions creditor, string recipient, string subject, string text, string footer, bool english) =>
        PdfPrinter.Render(new PrintDocument(
            subject,
            creditor.Name + (creditor.OrgNumber is { } org ? (english ? ", org. no. " : ", org.nr. ") + org : "") + (creditor.Address is { } address ? ", " + address : ""),
            [recipient],
            [new PrintParagraph(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd())],
            creditor.Name + " · " + footer,
            english ? "Page" : "Side",
            english ? "en" : "nb"));
}
