using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Receivables.DebtorPage;

/// <summary>
/// Writes plain A4 documents (a heading, label/value lines, wrapped paragraphs) with PDFsharp and the DejaVu Sans font
/// shipped in the assembly, so that the PDF looks the same on a server without fonts.
/// </summary>
public sealed class PdfWriter
{
    private const double Margin = 56;
    private readonly PdfDocument document = new();
    private readonly XFont regular;
    private readonly XFont bold;
    private readonly XFont heading;
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;

    public PdfWriter(string title)
    {
        EnsureFonts();
        document.Info.Title = title;
        document.Info.Creator = "Receivables";
        regular = new XFont(Printing.EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        bold = new XFont(Printing.EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        heading = new XFont(Printing.EmbeddedFontResolver.Family, 15, XFontStyleEx.Bold);
        NewPage();
    }

    public PdfWriter Heading(string text)
    {
        Paragraph(text, heading, 20);
        y += 6;
        return this;
    }

    public PdfWriter Line(string label, string value)
    {
        Ensure(15);
        graphics.DrawString(label, bold, XBrushes.Black, new XRect(Margin, y, 170, 14), XStringFormats.TopLeft);
        graphics.DrawString(value, regular, XBrushes.Black, new XRect(Margin + 175, y, Width - 175, 14), XStringFormats.TopLeft);
        y += 15;
        return this;
    }

    public PdfWriter Text(string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            Paragraph(paragraph, regular, 13.5);
        }

        return this;
    }

    /// <summary>
    /// One row of a table: each cell in its column (widths in points from the left margin, their sum at most the page
    /// width), wrapped within it; numbers are given right-aligned. The row is as high as its tallest cell.
    /// </summary>
    public PdfWriter Row(IReadOnlyList<PdfCell> cells, bool header = false)
    {
        var font = header ? bold : regular;
        const double lineHeight = 12.5;
        var wrapped = cells.Select(c => Wrap(c.Text, font, c.Width - 4)).ToList();
        var height = (wrapped.Max(w => w.Count) * lineHeight) + 3;
        Ensure(height);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = 0; j < wrapped[i].Count; j++)
            {
                var rect = new XRect(x, y + (j * lineHeight), cells[i].Width - 4, lineHeight);
                graphics.DrawString(wrapped[i][j], font, XBrushes.Black, rect, cells[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            }

            x += cells[i].Width;
        }

        y += height;
        if (header)
        {
            graphics.DrawLine(XPens.Gray, Margin, y - 2, Margin + Width, y - 2);
            y += 2;
        }

        return this;
    }

    /// <summary>A sub-heading (bold, body size).</summary>
    public PdfWriter Subheading(string text)
    {
        y += 4;
        Paragraph(text, bold, 14);
        return this;
    }

    public PdfWriter Space(double points = 8)
    {
        y += points;
        return this;
    }

    public byte[] ToBytes()
    {
        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>The width the page gives to rows and paragraphs, in points.</summary>
    public static double Width => XUnit.FromMillimeter(210).Point - (2 * Margin);

    private void Paragraph(string text, XFont font, double lineHeight)
    {
        if (text.Length == 0)
        {
            Ensure(lineHeight);
            y += lineHeight;
            return;
        }

        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > Width)
            {
                Draw(line, font, lineHeight);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        Draw(line, font, lineHeight);
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        List<string> lines = [];
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        lines.Add(line);
        return lines;
    }

    private void Draw(string line, XFont font, double lineHeight)
    {
        Ensure(lineHeight);
        graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, lineHeight), XStringFormats.TopLeft);
        y += lineHeight;
    }

    private void Ensure(double height)
    {
        if (y + height > XUnit.FromMillimeter(297).Point - Margin)
        {
            graphics.Dispose();
            NewPage();
        }
    }

    private void NewPage()
    {
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    /// <summary>One resolver per process (PDFsharp's rule): the one every printed document uses.</summary>
    private static void EnsureFonts() => Printing.EmbeddedFontResolver.EnsureInstalled();
}
