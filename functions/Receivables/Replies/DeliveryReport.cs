using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>
/// Delivery-status notifications (bounces): a multipart/report or message/delivery-status part, DSN fields
/// (Final-Recipient, Action, Status, Diagnostic-Code), or the common English and Norwegian/Exchange server texts.
/// They are never a debtor's intent; a permanent failure (5.x.x) marks the address failing.
/// </summary>
public static partial class DeliveryReport
{
    /// <summary>True when the subject or the text is a server's delivery report.</summary>
    public static bool LooksLikeReport(string subject, string text)
    {
        var s = ValueExtractor.Fold(subject);
        var t = ValueExtractor.Fold(text);
        var bodyMarks = BodyMarks().Matches(t).Select(m => m.Value).Distinct().Count();
        return (ReportSubject().IsMatch(s) && (bodyMarks >= 1 || t.Trim().Length == 0)) || bodyMarks >= 2 || DsnFields().Matches(t).Count >= 2;
    }

    /// <summary>True for a headers-level report: multipart/report with report-type delivery-status, or a delivery-status part.</summary>
    public static bool IsReportContent(string? contentType, IEnumerable<string> partTypes) =>
        (contentType ?? "").Contains("multipart/report", StringComparison.OrdinalIgnoreCase)
        || partTypes.Any(p => p.Contains("delivery-status", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the report says delivery failed for good (5.x.x, "permanent"), false for a delay (4.x.x).</summary>
    public static bool IsPermanent(string text)
    {
        var t = ValueExtractor.Fold(text);
        return !Delayed().IsMatch(t) || PermanentCode().IsMatch(t);
    }

    /// <summary>The recipient addresses the report says failed (Final-Recipient first, else any address in the text).</summary>
    public static IReadOnlyList<string> FailedRecipients(string text, string? ownAddress)
    {
        var finals = FinalRecipient().Matches(text).Select(m => m.Groups["a"].Value.ToLowerInvariant()).ToList();
        var any = Address().Matches(text).Select(m => m.Value.ToLowerInvariant().Trim('<', '>'));
        return (finals.Count > 0 ? finals : any)
            .Where(a => !a.StartsWith("mailer-daemon", StringComparison.Ordinal) && !a.StartsWith("postmaster", StringComparison.Ordinal) && a != ownAddress?.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>What made it a report (for the evidence).</summary>
    public static string Why(string subject, string text)
    {
        var marks = BodyMarks().Matches(ValueExtractor.Fold(text)).Select(m => m.Value.Trim()).Distinct().Take(3).ToList();
        return (ReportSubject().IsMatch(ValueExtractor.Fold(subject)) ? "subject '" + subject + "'; " : "") + string.Join("; ", marks);
    }

    [GeneratedRegex(@"^(?:undeliverable|undelivered|delivery status notification|delivery failure|delivery has failed|mail delivery failed|mail delivery failure|returned mail|failure notice|non-?delivery|kan ikke leveres|kunne ikke leveres|ikke levert|ikkje levert|leveringsfeil|levering mislyktes|returnert e-?post|returnert melding|feil ved levering|unzustellbar|nicht zustellbar)", RegexOptions.CultureInvariant)]
    private static partial Regex ReportSubject();

    [GeneratedRegex(@"delivery has failed to these recipients|could not be delivered|couldn'?t be delivered|wasn'?t delivered|was not delivered|has been delayed|permanent (?:fatal )?error|address(?:es)? failed|address not found|address couldn'?t be found|does not exist|user unknown|recipient (?:address )?rejected|recipient not found|mailbox (?:full|unavailable)|unable to deliver|delivery error|mail delivery software|the mail system|leveringen til disse mottakerne|levering til (?:disse|folgende) mottaker\w*|levering\w* (?:\w+\s+){0,6}?mislyktes|e-?postadressen du (?:skrev inn|oppga|angav)|kontroller mottakerens e-?postadresse|kunne ikke leveres|kunne ikkje leverast|finner ikke e-?postadressen|postkassen er full|postboksen finnes ikke|mottakerens e-?postserver avviste|ekstern server returnerte|diagnostikkinformasjon|diagnostic information for administrators|remote server returned|smtp error|\b5\d\d[ -][45]\.\d\.\d+|\b[45]\.\d\.\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex BodyMarks();

    [GeneratedRegex(@"(?m)^\s*(?:final-recipient|original-recipient|action|status|diagnostic-code|reporting-mta|remote-mta)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex DsnFields();

    [GeneratedRegex(@"action:\s*delayed|has been delayed|warning message only|4\.\d\.\d", RegexOptions.CultureInvariant)]
    private static partial Regex Delayed();

    [GeneratedRegex(@"\b5\.\d\.\d+|\b5\d\d\b.*(?:rejected|unknown|not found)|permanent", RegexOptions.CultureInvariant)]
    private static partial Regex PermanentCode();

    [GeneratedRegex(@"(?im)^\s*final-recipient\s*:\s*(?:rfc822\s*;)?\s*<?(?<a>[^\s<>]+@[^\s<>]+?)>?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FinalRecipient();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
