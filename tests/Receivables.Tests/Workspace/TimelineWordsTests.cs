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

    [Fact]
    public void The_ladders_hand_over_reads_in_bokmål_with_the_recommendation_and_the_gates_reasons_from_their_grounds()
    {
        var advice = Receivables.Escalation.EscalationGate.Recommend(
            new Receivables.Escalation.EscalationFacts("NOK", 12_500m, 0m, 1, 0, 51, 3, 0, 0, 0, 0, 0, false), new Receivables.Escalation.EscalationOptions());
        var entry = Entry(EvidenceKinds.Decision, $"Ladder handed the case to a person; the gate recommends {advice.Outcome}", "dunning-handover|acme|C-300|2026-02-25", new Dictionary<string, string>
        {
            ["recommendation"] = advice.Outcome,
            [EvidenceMetadata.Summary] = advice.Summary,
            ["grounds"] = string.Join("\n", advice.Grounds),
        });

        var (title, summary) = InCulture("nb-NO", words => (words.Title(entry), words.Summary(entry)));
        var (enTitle, enSummary) = InCulture("en-GB", words => (words.Title(entry), words.Summary(entry)));

        title.ShouldBe("Saken overlatt til en saksbehandler; anbefalt: inkasso");
        Plain(summary!).ShouldBe("Begrunnelse: Ikke svar på 3 purringer. Ingenting betalt på 1 forfalt faktura (12 500,00 kr), den eldste 51 dager over forfall. 12 500,00 kr er over minstebeløpet for inkasso på 500,00 kr, og ingenting tyder på at kunden ikke kan betale.");
        enTitle.ShouldBe("Handed to a person; recommended: collection");
        enSummary.ShouldBe(advice.Summary);
    }

    [Fact]
    public void An_escalation_decision_a_credit_hold_and_a_notice_to_post_read_in_bokmål()
    {
        var decided = Entry(EvidenceKinds.Decision, "Escalation decided: extend", "escalation-decision:T1", new Dictionary<string, string>
        {
            ["escalation"] = "extend",
            [EvidenceMetadata.Summary] = "Escalation: extend; credit extended: case paused until 2026-05-15",
        });
        var hold = Entry(EvidenceKinds.Decision, "Credit hold raised", "credit-hold:H1:hold", new Dictionary<string, string>
        {
            ["creditHold"] = "hold",
            [EvidenceMetadata.Summary] = "Credit hold hold: reached the collection-notice stage (Receivables:CreditHold:Stage)",
        });
        var post = Entry(Receivables.Channel.ChannelMetadata.PrintedLetterKind, "Inkassovarsel to print and post (email kari@example.no not confirmed)", "post:acme|C-300|L3|2026-02-10", []);

        var said = InCulture("nb-NO", words => new[] { decided, hold, post }.Select(e => (Title: words.Title(e), Summary: words.Summary(e))).ToList());

        said[0].ShouldBe(("Videre inndriving avgjort: Utsett", "utsettelse gitt: purringene stanset til 15.05.2026"));
        said[1].ShouldBe(("Kredittstopp innført", "saken har nådd trinnet inkassovarsel"));
        said[2].Title.ShouldBe("Inkassovarsel til utskrift og sending i posten (e-postadressen kari@example.no er ikke bekreftet)");
    }

    private static EvidenceEntry Entry(string kind, string title, string key, Dictionary<string, string> metadata) => new(
        "1", 1, "acme", "C-300", "case-1", kind, title, "application/json", "rule", key,
        new DateTimeOffset(2026, 2, 25, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 25, 7, 0, 0, TimeSpan.Zero), new DateOnly(2036, 12, 31),
        "items/1.json", "", 0, metadata, null);

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

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
