using System.Net;
using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>Turns a mail body into the debtor's own words: drops quoted previous messages and HTML.</summary>
public static partial class ReplyText
{
    /// <summary>The new text of a reply: plain text when present, else HTML as text; quoted history removed.</summary>
    public static string NewText(string? text, string? html)
    {
        var body = !string.IsNullOrWhiteSpace(text) ? text : HtmlToText(html ?? "");
        return StripQuoted(body);
    }

    public static string HtmlToText(string html)
    {
        var s = BlockQuote().Replace(html, "");
        s = GmailQuote().Replace(s, "");
        s = ScriptOrStyle().Replace(s, "");
        s = LineBreakTags().Replace(s, "\n");
        s = Tags().Replace(s, "");
        return WebUtility.HtmlDecode(s).Replace('\u00a0', ' ');
    }

    public static string StripQuoted(string body)
    {
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.Trim();
            if (QuoteHeader().IsMatch(trimmed) || OriginalMessage().IsMatch(trimmed))
            {
                break;
            }

            // Outlook: "From: ..." followed within two lines by "Sent:"/"Date:" (or Norwegian "Fra:"/"Sendt:").
            if (OutlookFrom().IsMatch(trimmed) && lines.Skip(i + 1).Take(3).Any(l => OutlookSent().IsMatch(l.Trim())))
            {
                break;
            }

            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            // A signature or a legal disclaimer ends the debtor's own words (its "received in error" must not be read).
            if (kept.Any(k => k.Trim().Length > 0) && (SignatureStart().IsMatch(trimmed) || Disclaimer().IsMatch(trimmed)))
            {
                break;
            }

            kept.Add(line);
        }

        return string.Join("\n", kept).Trim();
    }

    [GeneratedRegex(@"<blockquote\b.*?</blockquote>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"<div[^>]*class=""?[^"">]*(gmail_quote|moz-cite-prefix|OutlookMessageHeader)[^>]*>.*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex GmailQuote();

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTags();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^(On\s.+wrote:|Den\s.+skre(i)?v.*:|.+\sskre(i)?v\s.+:$|.+\swrote:$)", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Opprinnelig melding|Videresendt melding|Forwarded message)\s*-{2,}|_{10,})", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(med vennlig hilsen|vennlig hilsen|venleg helsing|beste hilsen|hilsen|helsing|mvh\.?|best regards|kind regards|regards|best wishes|cheers|sendt fra min .+|sent from my .+|--)\s*,?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureStart();

    [GeneratedRegex(@"^(denne e-?posten (kan inneholde|er konfidensiell)|this (e-?mail|message) (and any attachments )?(is|are|may be|may contain) (confidential|intended)|confidentiality notice|disclaimer:)", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^(From|Fra|Frå):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^(Sent|Sendt|Date|Dato):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
