using System.ComponentModel.DataAnnotations;

namespace Receivables.Channel;

/// <summary>
/// How formal notices reach a debtor (inkassoloven § 3a: electronically only "på betryggende måte") and when messages
/// may go out (the contact hours of the pending collection act, Prop. 3 L (2025–2026)). Bound from
/// <c>Receivables:Channel</c>; both rules are policy switches, on by default.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Receivables:Channel";

    /// <summary>
    /// An inkassovarsel to an email address the debtor has not confirmed (not written from within
    /// <see cref="ConfirmedEmailDays"/>, no consent below) is not emailed alone: a task opens to send it by post, with the
    /// letter as a printable PDF.
    /// </summary>
    public bool PostUnconfirmedNotices { get; set; } = true;

    /// <summary>A reply from the address within this many days confirms it ("an address the debtor has recently written from").</summary>
    [Range(1, 3650, ErrorMessage = "Receivables:Channel:ConfirmedEmailDays must be between 1 and 3650 days.")]
    public int ConfirmedEmailDays { get; set; } = 365;

    /// <summary>
    /// Recorded consent to electronic notices, per creditor and debtor: the consented address
    /// (<c>Receivables:Channel:Consents:&lt;creditor&gt;:&lt;debtor&gt;</c> = address).
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Consents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Contact hours: no message to a debtor goes out outside the windows below, in <c>Receivables:TimeZone</c>, nor on a
    /// public holiday; a message decided outside them is held and sent when the next window opens.
    /// </summary>
    public bool ContactHours { get; set; } = true;

    /// <summary>Monday to Friday, "HH:mm-HH:mm" (empty: none).</summary>
    public string WeekdayHours { get; set; } = "08:00-21:00";

    /// <summary>Saturdays, "HH:mm-HH:mm" (empty: none).</summary>
    public string SaturdayHours { get; set; } = "09:00-15:00";

    /// <summary>Sundays, "HH:mm-HH:mm" (empty: none, the default).</summary>
    public string SundayHours { get; set; } = "";
}
