using System.Globalization;
using Receivables.Evidence;
using Receivables.Web.Text;

namespace Receivables.Tests.Workspace;

/// <summary>How an archived event reads on the debtor page's timeline in the reader's language.</summary>
public sealed class TimelineWordsTests
{
    [Fact]
    public void A_copy_request_answered_with_the_EHF_copies_attached_reads_in_norwegian_and_keeps_its_english_title_in_english()
    {
        var entry = Decision("CopyRequest", "Reply classified as CopyRequest: invoice details resent with 2 EHF invoice copies attached; friendly step restarted");

        var nb = InCulture("nb-NO", words => words.Title(entry));
        var en = InCulture("en-GB", words => words.Title(entry));

        nb.ShouldBe("Svar tolket som ber om kopi: fakturaopplysningene sendt på nytt med 2 EHF-kopier vedlagt, påminnelsen startet på nytt");
        en.ShouldBe("Reply read as a copy request: invoice details resent with 2 EHF invoice copies attached; friendly step restarted");
    }

    private static EvidenceEntry Decision(string cls, string title) => new(
        "1", 1, "acme", "B-100", "case-1", EvidenceKinds.Decision, title, "application/json", "rule", "reply-decision:R1",
        new DateTimeOffset(2026, 1, 20, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 20, 7, 0, 0, TimeSpan.Zero), new DateOnly(2036, 12, 31),
        "items/1.json", "", 0, new Dictionary<string, string> { ["replyId"] = "R1", ["class"] = cls }, null);

    private static T InCulture<T>(string name, Func<TimelineWords, T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return read(new TimelineWords(new Texts()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
