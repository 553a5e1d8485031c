using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Receivables.Printing;

/// <summary>
/// Lays a <see cref="PrintDocument"/> out on A4 pages with PDFsharp (the served PDFsharp package has no MigraDoc, so
/// wrapping, tables and page breaks are done here): sender line, recipient address window, title, blocks, and a footer
/// with page numbers on every page. Fonts come from <see cref="EmbeddedFontResolver"/>.
/// </summary>
public static class PdfPrinter
{
    private const double Margin = 56;
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Bottom = PageHeight - Margin - 20;
    private const double ContentWidth = PageWidth - (2 * Margin);

    public static byte[] Render(PrintDocument document)
    {
        EmbeddedFontResolver.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Receivables";
        var layout = new Layout(pdf);

        layout.Text(document.Sender, layout.Small, XBrushes.DimGray);
        layout.Space(8);
        foreach (var line in document.Recipient)
        {
            layout.Text(line, layout.Body, XBrushes.Black);
        }

        layout.Space(document.Recipient.Count > 0 ? 24 : 6);
        layout.Text(document.Title, layout.Title, XBrushes.Black);
        layout.Space(8);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PrintHeading heading:
                    layout.Space(8);
                    layout.KeepTogether(layout.Heading.GetHeight() * 3);
                    layout.Text(heading.Text, layout.Heading, XBrushes.Black);
                    layout.Space(2);
                    break;
                case PrintParagraph paragraph:
                    layout.Text(paragraph.Text, paragraph.Bold ? layout.BodyBold : layout.Body, XBrushes.Black);
                    layout.Space(6);
                    break;
                case PrintTable table:
                    layout.Table(table);
                    layout.Space(6);
                    break;
                case PrintSignatures signatures:
                    layout.Signatures(signatures);
                    break;
            }
        }

        layout.Footers(document.Footer, document.PageLabel);
        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    private sealed class Layout(PdfDocument pdf)
    {
        public readonly XFont Title = new(EmbeddedFontResolver.Family, 14, XFontStyleEx.Bold);
        public readonly XFont Heading = new(EmbeddedFontResolver.Family, 10.5, XFontStyleEx.Bold);
        public readonly XFont Body = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Regular);
        public readonly XFont BodyBold = new(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Bold);
        public readonly XFont Small = new(EmbeddedFontResolver.Family, 7.5, XFontStyleEx.Regular);
        private XGraphics? graphics;
        private double y;

        private XGraphics Graphics => graphics ?? NewPage();

        public void Space(double points) => y += points;

        public void KeepTogether(double height)
        {
            if (graphics is null || y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Text(string text, XFont font, XBrush brush)
        {
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var lines = Wrap(paragraph, font, ContentWidth);
                foreach (var line in lines)
                {
                    KeepTogether(font.GetHeight());
                    Graphics.DrawString(line, font, brush, Margin, y, XStringFormats.TopLeft);
                    y += font.GetHeight();
                }
            }
        }

        public void Table(PrintTable table)
        {
            var total = table.Widths.Sum();
            var widths = table.Widths.Select(w => w / total * ContentWidth).ToArray();
            KeepTogether(Body.GetHeight() * 3);
            Row(table.Header, widths, table.RightAligned, BodyBold);
            Graphics.DrawLine(XPens.Black, Margin, y, Margin + ContentWidth, y);
            y += 2;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var last = r == table.Rows.Count - 1 && table.BoldLastRow;
                if (last)
                {
                    KeepTogether(Body.GetHeight() + 4);
                    Graphics.DrawLine(XPens.Black, Margin, y, Margin + ContentWidth, y);
                    y += 2;
                }

                Row(table.Rows[r], widths, table.RightAligned, last ? BodyBold : Body);
            }
        }

        public void Signatures(PrintSignatures signatures)
        {
            var half = (ContentWidth - 24) / 2;
            foreach (var signer in signatures.Signers)
            {
                KeepTogether(Body.GetHeight() * 8);
                y += 10;
                Graphics.DrawString(signer.Role, BodyBold, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
                y += Body.GetHeight() + 26;
                Graphics.DrawLine(XPens.Black, Margin, y, Margin + half, y);
                Graphics.DrawLine(XPens.Black, Margin + half + 24, y, Margin + ContentWidth, y);
                y += 2;
                Graphics.DrawString(signatures.PlaceAndDateLabel, Small, XBrushes.DimGray, Margin, y, XStringFormats.TopLeft);
                Graphics.DrawString(signatures.SignatureLabel, Small, XBrushes.DimGray, Margin + half + 24, y, XStringFormats.TopLeft);
                y += Small.GetHeight() + 22;
                Graphics.DrawLine(XPens.Black, Margin + half + 24, y, Margin + ContentWidth, y);
                if (!string.IsNullOrWhiteSpace(signer.Name))
                {
                    Graphics.DrawString(signer.Name, Body, XBrushes.Black, Margin + half + 24, y - Body.GetHeight() - 1, XStringFormats.TopLeft);
                }

                y += 2;
                Graphics.DrawString(signatures.NameLabel, Small, XBrushes.DimGray, Margin + half + 24, y, XStringFormats.TopLeft);
                y += Small.GetHeight() + 4;
            }
        }

        public void Footers(string footer, string pageLabel)
        {
            graphics?.Dispose();
            graphics = null;
            for (var i = 0; i < pdf.PageCount; i++)
            {
                using var page = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                var text = string.Format(CultureInfo.InvariantCulture, "{0}   ·   {1} {2}/{3}", footer, pageLabel, i + 1, pdf.PageCount);
                page.DrawLine(XPens.LightGray, Margin, PageHeight - Margin + 4, PageWidth - Margin, PageHeight - Margin + 4);
                page.DrawString(text, Small, XBrushes.DimGray, Margin, PageHeight - Margin + 8, XStringFormats.TopLeft);
            }
        }

        private void Row(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<int> right, XFont font)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, widths[Math.Min(i, widths.Length - 1)] - 6)).ToList();
            var height = wrapped.Max(w => w.Count) * font.GetHeight();
            KeepTogether(height + 3);
            var x = Margin;
            for (var c = 0; c < wrapped.Count && c < widths.Length; c++)
            {
                var lineY = y;
                foreach (var line in wrapped[c])
                {
                    if (right.Contains(c))
                    {
                        var width = Graphics.MeasureString(line, font).Width;
                        Graphics.DrawString(line, font, XBrushes.Black, x + widths[c] - 3 - width, lineY, XStringFormats.TopLeft);
                    }
                    else
                    {
                        Graphics.DrawString(line, font, XBrushes.Black, x + 3, lineY, XStringFormats.TopLeft);
                    }

                    lineY += font.GetHeight();
                }

                x += widths[c];
            }

            y += height + 3;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
            return lines;
        }

        private XGraphics NewPage()
        {
            graphics?.Dispose();
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
            return graphics;
        }
    }
}
