using Receivables.Replies;

using static Receivables.Tests.Replies.BlindSetReading;

namespace Receivables.Tests.Replies;

/// <summary>
/// The general patterns behind the misses on the second blind set's development half (samples/replies/corpus/blind2-dev.jsonl),
/// each tested with other wordings than the set's own, and the blind sets held to the #16 targets.
/// </summary>
public sealed class BlindSetPatternTests
{
    [Theory]
    [InlineData("vi har ikke faatt noen faktura fra dere", ReplyClass.NotReceived)]
    [InlineData("har ikkje raad til aa betale alt naa, kan vi dele det opp?", ReplyClass.Liquidity)]
    [InlineData("kan dere sende fakturaen paa nytt?", ReplyClass.CopyRequest)]
    public void Sms_style_aa_for_a_is_read_like_the_letter_it_stands_for(string text, ReplyClass expected) =>
        Classify(text).Class.ShouldBe(expected);

    [Theory]
    [InlineData("Vi har lagt inn overføring med forfall 14.12.", "2026-12-14")]
    [InlineData("Betalingen går i morgen.", "2026-12-03")]
    [InlineData("Innbetalinga kjem på fredag.", "2026-12-04")]
    [InlineData("Our AP run is on Monday, you'll see it then.", "2026-12-07")]
    [InlineData("Du har pengene innen fredag.", "2026-12-04")]
    [InlineData("betaler i morra", "2026-12-03")]
    public void A_payment_set_up_or_going_out_is_a_promise_with_its_date(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Betalt i går.", "2026-12-01")]
    [InlineData("Denne betalt 30.11, sjekk igjen.", "2026-11-30")]
    public void A_clause_that_opens_with_paid_is_already_paid_with_the_past_date(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.AlreadyPaid, triage.Reason);
        triage.Values.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_paid_clause_with_a_day_ahead_is_not_already_paid() =>
        Classify("Betalt innen fredag, lover.").Class.ShouldNotBe(ReplyClass.AlreadyPaid);

    [Theory]
    [InlineData("Dere har fakturert for mye, vi skulle ha 10 % avslag.")]
    [InlineData("You billed us incorrectly, we were supposed to get a 15% discount.")]
    [InlineData("Timene er beregnet feil. Rett opp fakturaen.")]
    public void Billed_wrong_or_a_promised_discount_missing_is_a_dispute(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Dispute);

    [Theory]
    [InlineData("Vi har ikke likviditet til dette før kommunen har betalt oss.")]
    [InlineData("We can't afford it until our main client has paid us.")]
    public void A_payment_to_the_debtor_by_its_own_customer_is_liquidity_not_already_paid(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Liquidity, triage.Reason);
        triage.Scores.ShouldNotContain(s => s.Class == ReplyClass.AlreadyPaid);
    }

    [Theory]
    [InlineData("First I've heard of this invoice, it never arrived in my mailbox.", ReplyClass.NotReceived)]
    [InlineData("Fakturaen har aldri kommet fram til oss.", ReplyClass.NotReceived)]
    [InlineData("The parts never arrived, so we are not paying.", ReplyClass.Dispute)]
    [InlineData("Varene har aldri kommet, vi betaler ikke for dem.", ReplyClass.Dispute)]
    public void An_invoice_that_never_arrived_is_not_received_but_goods_that_never_arrived_are_a_dispute(string text, ReplyClass expected) =>
        Classify(text).Class.ShouldBe(expected);

    [Theory]
    [InlineData("Kan vi få fakturaen tilsendt på nytt?")]
    [InlineData("Could we get the invoice resent? It went to spam.")]
    [InlineData("Kan eg få rekninga sendt igjen?")]
    public void A_copy_asked_for_with_the_invoice_before_the_verb_is_a_copy_request(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.CopyRequest);

    [Theory]
    [InlineData("Please note our new invoicing e-mail: invoices@harbour.example.")]
    [InlineData("Vi har endret fakturaadresse til faktura@vik.example.")]
    [InlineData("Me har bytta e-post til post@gard.example, send alt dit frå no av.")]
    [InlineData("I'm leaving the company on Friday; Sam will take over.")]
    public void A_new_or_changed_address_in_any_wording_is_a_contact_change(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.ContactChange);

    [Theory]
    [InlineData("Jeg har videresendt den til daglig leder, som betaler slike regninger.")]
    [InlineData("I've passed this to our bookkeeper, who pays the bills for us.")]
    [InlineData("Eg skal undersøke om denne er betalt og kome attende.")]
    [InlineData("I'll check with accounts whether this has been paid.")]
    [InlineData("Please take me off your mailing list.")]
    [InlineData("Please remove me from this list.")]
    public void Someone_else_paying_checking_whether_paid_or_leaving_a_list_is_no_intent(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldNotBe(ReplyClass.PromiseToPay);
        triage.Class.ShouldNotBe(ReplyClass.AlreadyPaid);
        triage.Class.ShouldNotBe(ReplyClass.ContactChange);
    }

    [Theory]
    [InlineData("Som avtalt betaler vi fredag.", "2026-12-04")]
    [InlineData("As agreed, we'll pay on Friday.", "2026-12-04")]
    public void As_agreed_before_a_promise_is_still_a_promise(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Vi betaler straks vi har fått inn pengene fra kunden.")]
    [InlineData("We'll pay as soon as our client has paid us.")]
    [InlineData("Eg betalar når eg har fått pengar inn på konto.")]
    public void A_payment_only_when_money_comes_in_is_liquidity_not_a_promise(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Liquidity, triage.Reason);
    }

    [Theory]
    [InlineData("Vi betaler når vi har fått inn pengene fra kunden, senest 11.12.", "2026-12-11")]
    [InlineData("We'll pay when our client pays us on Friday.", "2026-12-04")]
    public void A_payment_when_money_comes_in_on_a_named_day_stays_a_promise(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_double_a_inside_a_compound_is_not_read_as_sms_spelling() =>
        Classify("Vi har endret fakturaadresse til faktura@vik.example.").Class.ShouldBe(ReplyClass.ContactChange);

    [Fact]
    public void The_second_blind_sets_dev_half_meets_the_targets()
    {
        var result = Measure("blind2-dev.jsonl");

        result.ShouldMeetTheTargets(0.85);
    }

    /// <summary>
    /// The holdout half missed the targets when measured blind (79.5 %, see docs/replies.md); after the #16 recall work
    /// and the fourth set's date work it meets them (88.6 %, promise dates 15/16), and this keeps it from getting worse.
    /// </summary>
    [Fact]
    public void The_second_blind_sets_holdout_half_meets_the_targets_and_does_not_get_worse()
    {
        var result = Measure("blind2-holdout.jsonl");

        result.ShouldMeetTheTargets(0.85);
    }

    private static Accuracy Measure(string file) => BlindSetTargets.Measure(file, atLeast: 75);
}
