using Receivables.Replies;

using static Receivables.Tests.Replies.BlindSetReading;

namespace Receivables.Tests.Replies;

/// <summary>
/// The general patterns behind the misses on the fifth blind set's development half (samples/replies/corpus/blind5-dev.jsonl,
/// bokmål with SMS style and dialect, nynorsk and English across every class), each tested with other wordings than the
/// set's own and with wordings that must not flip, and the fifth blind set held to the #16 targets.
/// </summary>
public sealed class FifthBlindSetTests
{
    [Theory]
    [InlineData("Dette skal ordnes innen fredag.", "2026-12-04")]
    [InlineData("Det vil bli ordnet på mandag.", "2026-12-07")]
    [InlineData("Saken skal gjøres opp i morgen.", "2026-12-03")]
    [InlineData("Rekninga skal ordnast på fredag.", "2026-12-04")]
    public void A_payment_promised_in_the_passive_is_a_promise_with_its_date(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("Vi betaler ikke denne før elektrikeren har kommet tilbake og fikset anlegget.")]
    [InlineData("Jeg betaler ikke dette før taket er tett.")]
    [InlineData("We will not pay this until the leak has been fixed.")]
    [InlineData("Eg betalar ikkje denne før feilen er retta.")]
    public void Refusing_to_pay_this_invoice_until_something_is_fixed_is_a_dispute_not_a_later_promise(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Dispute, triage.Reason);
    }

    [Theory]
    [InlineData("Vi betaler ikke denne uka, men neste fredag.", "2026-12-11")]
    [InlineData("Vi betaler ikkje denne veka, men på fredag.", "2026-12-04")]
    public void Not_paying_this_week_but_on_a_day_is_still_a_promise_with_that_day(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("Vi har betalt 5 000 kr, resten holder vi tilbake til taket er tett.")]
    [InlineData("Halve beløpet er betalt. Resten holder jeg tilbake inntil feilen er rettet.")]
    [InlineData("We have paid 3,000 and are withholding the balance until the missing parts arrive.")]
    [InlineData("Me har betalt det meste, men held att resten. Vi held resten tilbake til dei har kome og fiksa det.")]
    public void Paying_part_and_holding_back_the_rest_is_a_dispute_not_a_payment(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Dispute, triage.Reason);
    }

    [Theory]
    [InlineData("Hvordan skal dette ordnes?")]
    [InlineData("Når skal dette ordnes?")]
    public void A_passive_asked_about_is_no_promise(string text) =>
        Classify(text).Class.ShouldNotBe(ReplyClass.PromiseToPay);

    [Theory]
    [InlineData("Feilen skal ordnes før vi betaler noe som helst.")]
    [InlineData("Lekkasjen må fikses før vi betaler.")]
    [InlineData("The faulty unit must be replaced and the invoice corrected before we pay.")]
    public void Something_to_be_put_right_before_we_pay_is_a_dispute_not_a_promise(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Dispute, triage.Reason);
    }

    [Fact]
    public void Paying_before_a_day_or_before_the_weekend_is_still_a_promise()
    {
        var triage = Classify("Vi skal betale før fredag.");

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day("2026-12-04"));
    }

    [Theory]
    [InlineData("Jeg betaler 15. desember. Kan dere vente med purringen til da?", "2026-12-15")]
    [InlineData("Vi har hatt en tøff periode, men beløpet blir betalt innen 18. desember. Håper dere kan vente med inkasso til da.", "2026-12-18")]
    [InlineData("We will pay on 10 December; please hold off until then.", "2026-12-10")]
    public void Asking_to_wait_until_the_day_just_promised_is_a_promise_not_a_request_for_time(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("Kan dere vente med inkasso til februar?")]
    [InlineData("Kan dere vente til neste måned med kravet?")]
    [InlineData("Could you hold off for a few weeks?")]
    public void Asking_to_wait_without_a_day_promised_is_still_a_request_for_time(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Liquidity);

    [Theory]
    [InlineData("We pay suppliers on the 20th of each month, so you'll have it then.", "2026-12-20")]
    [InlineData("We pay all supplier invoices on the 15th of every month.", "2026-12-15")]
    [InlineData("Our payment day is the 10th of each month, you will receive it then.", "2026-12-10")]
    public void A_payers_monthly_payment_day_is_a_promise_on_that_day_not_instalments(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("Kan jeg betale 500 kr hver måned?")]
    [InlineData("I can pay 300 each month until it is cleared.")]
    [InlineData("Kan eg betale litt kvar månad?")]
    public void Paying_an_amount_each_month_is_still_instalments(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Liquidity);

    [Theory]
    [InlineData("Vi har aldri fått noen varer fra dere.")]
    [InlineData("We never received any of the items on this invoice.")]
    [InlineData("har ikke fatt noen deler fra dere")]
    public void Goods_never_received_are_a_dispute_not_an_invoice_not_received(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Dispute);

    [Theory]
    [InlineData("Vi har aldri fått noen faktura fra dere.")]
    [InlineData("We never received any invoice, only this reminder.")]
    [InlineData("har ikke fatt noen faktura")]
    public void An_invoice_never_received_stays_not_received(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.NotReceived);

    [Theory]
    [InlineData("Dette er feil!")]
    [InlineData("Kravet er helt feil. Ikke send det til inkasso.")]
    [InlineData("This is wrong.")]
    public void The_claim_called_wrong_in_so_many_words_is_a_dispute(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Dispute);

    [Theory]
    [InlineData("Dette er feil adresse. Send til faktura@nyttfirma.example fremover.")]
    [InlineData("Det er feil person, jeg har sluttet i firmaet.")]
    public void A_wrong_address_or_person_is_not_a_dispute(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.ContactChange);

    [Theory]
    [InlineData("We can pay half now and the rest over the next two months.")]
    [InlineData("Kan betale 2000 nå og resten fordelt på tre måneder.")]
    [InlineData("Could I pay it over the coming six weeks?")]
    public void Part_now_and_the_rest_spread_over_months_is_instalments(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Liquidity);

    [Theory]
    [InlineData("Paid on 30 November, please update your records.", "2026-11-30")]
    [InlineData("Betalt 27.11. Vennligst oppdater systemet deres.", "2026-11-27")]
    public void Asking_to_update_the_records_after_a_payment_is_already_paid_not_a_contact_change(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.AlreadyPaid, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Fact]
    public void A_new_address_with_a_request_to_update_the_records_is_still_a_contact_change() =>
        Classify("Our new address is 4 Harbour Road, Leeds LS1 4AB. Please update your records.").Class.ShouldBe(ReplyClass.ContactChange);

    [Theory]
    [InlineData("What are your bank details for a transfer from abroad?")]
    [InlineData("Hva er betalingsopplysningene for utlandet?")]
    [InlineData("Which of our two companies is this invoice for?")]
    [InlineData("Hvilket prosjekt hos oss gjelder fakturaen?")]
    [InlineData("Could you tell me what the fee covers?")]
    [InlineData("Kva for prosjekt gjeld denne rekninga?")]
    public void A_question_about_the_claim_put_with_a_question_word_is_a_question(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Question);

    [Theory]
    [InlineData("Hva er organisasjonsnummeret deres?")]
    [InlineData("Who is your managing director?")]
    [InlineData("Hvem hos oss har dere snakket med?")]
    public void A_question_the_ledger_cannot_answer_stays_with_a_person(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Other);

    [Theory]
    [InlineData("Vi har aldri bestilt dette. Hvem har sendt denne?", ReplyClass.Dispute)]
    [InlineData("What? We paid this on Monday.", ReplyClass.AlreadyPaid)]
    [InlineData("Vi betaler fredag. Hva var beløpet igjen?", ReplyClass.PromiseToPay)]
    public void A_question_word_beside_a_clear_intent_leaves_the_intent_to_decide(string text, ReplyClass expected) =>
        Classify(text).Class.ShouldBe(expected);

    [Theory]
    [InlineData("Skal jeg betale til samme konto som før?")]
    [InlineData("Vil dere ha betalt alt på en gang?")]
    [InlineData("Ska vi betale hele beløpet eller bare gebyret?")]
    [InlineData("Will you be charging interest if we pay next week?")]
    public void A_question_about_paying_is_no_promise(string text) =>
        Classify(text).Class.ShouldNotBe(ReplyClass.PromiseToPay);

    [Theory]
    [InlineData("den er betalt for lenge siden??", ReplyClass.AlreadyPaid)]
    [InlineData("Jeg har betalt 27.11, hvorfor får jeg purring?", ReplyClass.AlreadyPaid)]
    [InlineData("Vi betaler fredag, er det greit?", ReplyClass.PromiseToPay)]
    public void A_statement_with_a_question_mark_or_a_question_after_it_keeps_what_it_states(string text, ReplyClass expected)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(expected, triage.Reason);
    }

    [Fact]
    public void A_nynorsk_outlook_header_ends_the_debtors_own_words_so_the_quoted_deadline_is_not_the_promise()
    {
        var mail = "Hei! Rekninga vert betalt i veke 50.\n\nFrå: Vestland Bygg AS <faktura@vestlandbygg.example>\nSendt: måndag 23. november 2026 08:15\nTil: post@kunde.example\nEmne: Purring\n\nBetal innan 30.11.2026.";

        ReplyText.StripQuoted(mail).ShouldNotContain("30.11.2026");
        var triage = Classify(mail);
        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day("2026-12-11"));
    }

    [Fact]
    public void The_fifth_blind_sets_dev_half_meets_the_targets()
    {
        var result = Measure("blind5-dev.jsonl");

        result.ShouldMeetTheTargets(0.95);
    }

    /// <summary>
    /// The holdout half was measured once, blind, before any change: 77/86 (89.5 %), promise dates 24/27, and two
    /// disputes read unsafely (one as a promise, one as paid; docs/replies.md). It was never tuned on; this keeps it from
    /// getting worse until those two are fixed from patterns found elsewhere.
    /// </summary>
    [Fact]
    public void The_fifth_blind_sets_holdout_half_does_not_get_worse()
    {
        var result = Measure("blind5-holdout.jsonl");

        result.Ratio.ShouldBeGreaterThanOrEqualTo(77.0 / 86, string.Join("; ", result.Misses.Select(m => $"{m.Reply.Id}: {m.Triage.Class}")));
        result.UnsafeMisses.ShouldBeLessThanOrEqualTo(2);
    }

    private static Accuracy Measure(string file) => BlindSetTargets.Measure(file, atLeast: 75);
}
