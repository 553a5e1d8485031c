using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Receivables.Portfolio;
using Receivables.Web.Text;

namespace Receivables.Web.Pages;

/// <summary>Server-rendered SVG charts (no script): aging bars and the weekly sent/paid chart. Every label is encoded.</summary>
public static class Charts
{
    public static IHtmlContent Aging(CurrencyTotals totals, Func<int, string> label)
    {
        const int width = 560;
        const int row = 26;
        var max = Math.Max(1m, totals.Buckets.Max(b => Math.Abs(b)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {row * totals.Buckets.Count + 4}\" role=\"img\" aria-label=\"{E(string.Join(", ", totals.Buckets.Select((b, i) => label(i) + ": " + Texts.Money(b, totals.Currency))))}\">");
        for (var i = 0; i < totals.Buckets.Count; i++)
        {
            var y = i * row + 2;
            var w = (double)(Math.Abs(totals.Buckets[i]) / max) * (width - 260);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" class=\"label\">{E(label(i))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"110\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{row - 8}\" class=\"bar b{i}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{116 + w:0.#}\" y=\"{y + 17}\" class=\"value\">{E(Texts.Money(totals.Buckets[i], totals.Currency))}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    public static IHtmlContent Weeks(IReadOnlyList<(DateOnly Monday, int Sent, decimal Paid)> weeks, string currency, string sentLabel, string paidLabel)
    {
        const int width = 640;
        const int height = 200;
        const int bottom = 170;
        var maxSent = Math.Max(1, weeks.Max(w => w.Sent));
        var maxPaid = Math.Max(1m, weeks.Max(w => w.Paid));
        var slot = (width - 40) / Math.Max(1, weeks.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(sentLabel + " / " + paidLabel + ": " + string.Join("; ", weeks.Select(w => Texts.Date(w.Monday) + " " + w.Sent + " / " + Texts.Money(w.Paid, currency))))}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"20\" y1=\"{bottom}\" x2=\"{width - 10}\" y2=\"{bottom}\" class=\"axis\"></line>");
        for (var i = 0; i < weeks.Count; i++)
        {
            var x = 24 + i * slot;
            var hs = (double)weeks[i].Sent / maxSent * (bottom - 20);
            var hp = (double)(weeks[i].Paid / maxPaid) * (bottom - 20);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{bottom - hs:0.#}\" width=\"{slot / 2 - 4}\" height=\"{hs:0.#}\" class=\"bar sent\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + slot / 2 - 2}\" y=\"{bottom - hp:0.#}\" width=\"{slot / 2 - 4}\" height=\"{hp:0.#}\" class=\"bar paid\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{bottom + 16}\" class=\"label\">{E(weeks[i].Monday.ToString("dd.MM", CultureInfo.InvariantCulture))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"24\" y=\"4\" width=\"12\" height=\"12\" class=\"bar sent\"></rect><text x=\"40\" y=\"15\" class=\"label\">{E(sentLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"240\" y=\"4\" width=\"12\" height=\"12\" class=\"bar paid\"></rect><text x=\"256\" y=\"15\" class=\"label\">{E(paidLabel)}</text>");
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
