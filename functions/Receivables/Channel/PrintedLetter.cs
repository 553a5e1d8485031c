using Receivables.Common;
using Receivables.Printing;

namespace Receivables.Channel;

/// <summary>
/// A letter as emailed (its text body), laid out on A4 for posting: sender line, recipient, subject as title. The one
/// sentence that only makes sense in an email (the layouts' "reply to this email") is worded for paper.
/// </summary>
public static class PrintedLetter
{
    private static readonly (string Email, string Paper)[] PaperWording =
    [
        ("Svar på denne e-posten (", "Svar oss på e-post ("),
        ("Reply to this email (", "Write to us by email ("),
    ];

    public static string ForPaper(string text)
    {
        foreach (var (email, paper) in PaperWording)
        {
            text = text.Replace(email, paper, StringComparison.Ordinal);
        }

        return text;
    }

    public static byte[] Render(CreditorOptions creditor, string recipient, string subject, string text, string footer, bool english) =>
        PdfPrinter.Render(new PrintDocument(
            subject,
            creditor.Name + (creditor.OrgNumber is { } org ? (english ? ", org. no. " : ", org.nr. ") + org : "") + (creditor.Address is { } address ? ", " + address : ""),
            [recipient],
            [new PrintParagraph(ForPaper(text.Replace("\r\n", "\n", StringComparison.Ordinal)).TrimEnd())],
            creditor.Name + " · " + footer,
            english ? "Page" : "Side",
            english ? "en" : "nb"));
}
