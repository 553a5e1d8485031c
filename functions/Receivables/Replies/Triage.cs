using System.Net;
using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>What a reply is about. The class alone decides the action; extracted values are only proposals checked by rules.</summary>
public enum ReplyClass
{
    PromiseToPay,
    Dispute,
    Liquidity,
    AlreadyPaid,
    NotReceived,
    CopyRequest,
    AutoReply,
    ContactChange,
    Other,

    /// <summary>A question with a factual answer (account number and KID, which invoice, why a fee, the balance).</summary>
    Question,

    /// <summary>A delivery-status notification (bounce): not the debtor's words; the address is failing.</summary>
    DeliveryFailure,
}

/// <summary>Dates and amounts stated in a reply, relative to the day it was received.</summary>
public sealed record ExtractedValues(DateOnly? Date, decimal? Amount, decimal? Fraction, IReadOnlyList<string> InvoiceNumbers)
{
    /// <summary>How often an offered installment is paid: <c>weekly</c>, <c>biweekly</c> or <c>monthly</c>; null when not said.</summary>
    public string? Frequency { get; init; }

    /// <summary>The text the date was read from (evidence: "uke 49", "neste fredag").</summary>
    public string? DateText { get; init; }

    /// <summary>Addresses named in the reply (a new contact, a failing recipient of a delivery report).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
}

/// <summary>The triage result. <see cref="Flags"/> name why a person should look (injection, low confidence, ...).</summary>
public sealed record Triage(ReplyClass Class, double Confidence, ExtractedValues Values, IReadOnlyList<string> Flags, string Actor)
{
    /// <summary>Every class's score, best first (the candidates a person sees when the classifier abstains).</summary>
    public IReadOnlyList<ClassScore> Scores { get; init; } = [];

    /// <summary>Why this class: the cues that decided, or why the classifier abstained.</summary>
    public string Reason { get; init; } = "";

    /// <summary>True when no single actionable class clearly won: the reply only opens a review task.</summary>
    public bool Abstained { get; init; }

    /// <summary>For <see cref="ReplyClass.Question"/>: what is asked (account, invoice, fee, balance).</summary>
    public string? Question { get; init; }
}

/// <summary>A class's score from the rules, with the cues (clause excerpts) that gave it.</summary>
public sealed record ClassScore(ReplyClass Class, double Score, IReadOnlyList<string> Cues);

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

    [GeneratedRegex(@"^(From|Fra):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^(Sent|Sendt|Date|Dato):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
