using Receivables.Replies;

using static Receivables.Tests.Replies.BlindSetReading;

namespace Receivables.Tests.Replies;

/// <summary>
/// The general patterns behind the misses on the third blind set's development half (samples/replies/corpus/blind3-dev.jsonl)
/// and on probes written alongside it, each tested with other wordings than the set's own, and the third blind set held
/// to the #16 targets.
/// </summary>
public sealed class ThirdBlindSetTests
{
    /// <summary>The holdout half's accuracy when it was measured once, blind (62/66, see docs/replies.md).</summary>
    private const double HoldoutAccuracyFloor = 0.93;


    [Theory]
    [InlineData("Vi regner med å betale 10. desember.", "2026-12-10")]
    [InlineData("We intend to pay by the end of the month.", "2026-12-31")]
    [InlineData("We have scheduled the payment for 7 December.", "2026-12-07")]
    [InlineData("Expect payment on Monday.", "2026-12-07")]
    [InlineData("I'll sort the payment by Friday.", "2026-12-04")]
    [InlineData("Den er lagt inn i nettbanken til betaling fredag.", "2026-12-04")]
    [InlineData("Jeg fikser det på fredag.", "2026-12-04")]
    [InlineData("Me gjer opp før nyttår.", "2026-12-31")]
    [InlineData("Sending payment on Friday.", "2026-12-04")]
    [InlineData("Our finance team will release the payment on 10/12.", "2026-12-10")]
    public void A_payment_planned_or_scheduled_without_a_promise_verb_is_a_promise_with_its_date(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("Beløpet kommer inn på konto i løpet av en uke.", "2026-12-09")]
    [InlineData("Skal ordne det før helga.", "2026-12-04")]
    [InlineData("ska betal innen helgen", "2026-12-04")]
    public void Within_a_week_and_before_the_weekend_are_dates(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.PromiseToPay, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("We transferred the money yesterday.", "2026-12-01")]
    [InlineData("I settled it on Monday.", "2026-11-30")]
    [InlineData("overførte pengene igår", "2026-12-01")]
    public void A_payment_made_in_other_words_is_already_paid_with_its_past_date(string text, string date)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.AlreadyPaid, triage.Reason);
        triage.Values.Date.ShouldBe(Day(date));
    }

    [Theory]
    [InlineData("This has been taken care of.")]
    [InlineData("Payment already sent, please check.")]
    [InlineData("We have already made this payment.")]
    [InlineData("Sjekk kontoen deres, pengene gikk ut forrige uke.")]
    public void Taken_care_of_or_already_sent_is_already_paid(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.AlreadyPaid);

    [Theory]
    [InlineData("Vi skylder dere ingenting.")]
    [InlineData("We do not owe you this money.")]
    [InlineData("Hvorfor skal jeg betale for noe som ikke virker?")]
    [InlineData("The heater stopped working after a week.")]
    [InlineData("The work was never performed.")]
    [InlineData("Faktura 30871 er ikke vår, vi har ingen avtale med dere.")]
    [InlineData("Vi har betalt forskuddet, men resten er ikke forfalt før arbeidet er ferdig.")]
    [InlineData("Jeg har betalt det jeg skylder; resten er timer vi aldri har godkjent.")]
    [InlineData("ska ikkje betal før dokker har retta feilen")]
    public void Owing_nothing_a_broken_delivery_a_claim_that_is_not_ours_or_not_due_is_a_dispute_never_paid_or_promise(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Dispute, triage.Reason);
    }

    [Theory]
    [InlineData("We don't owe anything, it was paid on the 20th.")]
    [InlineData("Vi skylder ingenting, den ble betalt 20.11.")]
    public void Owing_nothing_because_it_was_paid_is_already_paid(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.AlreadyPaid);

    [Theory]
    [InlineData("Lenken til fakturaen fungerer ikke, kan dere sende den som PDF?")]
    [InlineData("The link doesn't work, please send the invoice as an attachment.")]
    public void A_link_or_attachment_that_does_not_work_is_a_copy_request_not_a_dispute(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.CopyRequest);

    [Theory]
    [InlineData("I'll pay as soon as I can, things are hard at the moment.")]
    [InlineData("Jeg er arbeidsledig og har det tøft økonomisk.")]
    [InlineData("Er det mulig å få henstand?")]
    [InlineData("Can I pay some now and the rest later?")]
    [InlineData("Kan vi betale over tre måneder?")]
    public void Hardship_or_time_asked_for_without_a_plan_word_is_liquidity_never_a_promise(string text)
    {
        var triage = Classify(text);

        triage.Class.ShouldBe(ReplyClass.Liquidity, triage.Reason);
    }

    [Theory]
    [InlineData("I don't think we ever received that invoice.")]
    [InlineData("Haven't had any invoice from you.")]
    [InlineData("We have no record of this invoice.")]
    public void An_invoice_not_received_in_english_contractions_is_not_received(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.NotReceived);

    [Theory]
    [InlineData("Send fakturaer til regnskap@firma.example framover.")]
    [InlineData("Denne adressen er ikke i bruk lenger, bruk post@firma.example.")]
    [InlineData("This mailbox is not monitored; write to ap@buyer.example.")]
    public void Invoices_to_another_address_from_now_on_or_an_address_no_longer_read_is_a_contact_change(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.ContactChange);

    [Theory]
    [InlineData("Hva er kontonummeret deres?")]
    [InlineData("Når forfaller fakturaen?")]
    [InlineData("When is this due?")]
    [InlineData("How do I pay this?")]
    [InlineData("Kva faktura er dette? Finn ho ikkje i systemet.")]
    public void A_question_about_the_account_the_due_date_or_the_invoice_is_a_question(string text) =>
        Classify(text).Class.ShouldBe(ReplyClass.Question);

    [Fact]
    public void Exchanges_norwegian_non_delivery_text_is_a_delivery_failure() =>
        RuleClassifier.Classify(
            "Kan ikke leveres: Purring",
            "Levering til disse mottakerne eller gruppene mislyktes:\n\nkontor@firma.example\nE-postadressen du skrev inn, ble ikke funnet.",
            false,
            Wednesday).Class.ShouldBe(ReplyClass.DeliveryFailure);

    [Fact]
    public void The_third_blind_sets_dev_half_meets_the_targets()
    {
        var result = Measure("blind3-dev.jsonl");

        result.ShouldMeetTheTargets(0.85);
    }

    /// <summary>
    /// The holdout half was measured once, blind, after the tuning on the dev half (see docs/replies.md): it met the
    /// targets. This holds it to them and to its measured accuracy, so it cannot get worse unnoticed.
    /// </summary>
    [Fact]
    public void The_third_blind_sets_holdout_half_meets_the_targets_and_does_not_get_worse()
    {
        var result = Measure("blind3-holdout.jsonl");

        result.ShouldMeetTheTargets(HoldoutAccuracyFloor);
    }

    private static Accuracy Measure(string file) => BlindSetTargets.Measure(file, atLeast: 60);
}
