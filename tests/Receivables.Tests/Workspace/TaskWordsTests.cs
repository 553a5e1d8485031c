using System.Globalization;
using Receivables.Actions;
using Receivables.Web.Text;

namespace Receivables.Tests.Workspace;

/// <summary>How a task reads on the workspace: worded from its facts in the reader's language, or as it was stored.</summary>
public sealed class TaskWordsTests
{
    private static readonly DateTimeOffset Opened = new(2026, 1, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_task_opened_before_its_reason_was_stored_still_shows_the_title_and_details_it_was_opened_with()
    {
        var task = Task(TaskKinds.CallDebtor, "Call Fjellbygg AS", "Why: large claim. Contact: Fjellbygg AS. Record the outcome: tasks done <id> --outcome promise.", new TaskFacts { Amount = 20000m, Currency = "NOK" });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", null)));

        title.ShouldBe("Call Fjellbygg AS");
        details.ShouldBe(["Why: large claim.", "Contact: Fjellbygg AS."]);
    }

    [Fact]
    public void A_call_after_a_broken_promise_names_the_promised_date_and_the_amount_in_the_readers_language()
    {
        var task = Task(TaskKinds.CallDebtor, "Call Fjellbygg AS: promise of 02.02.2026 broken", "Why: the debtor promised to pay by 2026-02-02.", new TaskFacts
        {
            Amount = 20000m,
            Currency = "NOK",
            DaysOverdue = 25,
            Invoices = ["2001"],
            Reason = TaskReasons.PromiseBroken,
            AboutDate = new DateOnly(2026, 2, 2),
        });

        var (nbTitle, nbDetails) = InCulture("nb-NO", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", "post@fjellbygg.example")));
        var (enTitle, enDetails) = InCulture("en-GB", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", "post@fjellbygg.example")));

        nbTitle.ShouldBe("Ring Fjellbygg AS: betalingsløftet til 02.02.2026 er brutt");
        Plain(nbDetails[0]).ShouldBe("Hvorfor: kunden lovet å betale innen 02.02.2026, men 20 000,00 kr er fortsatt forfalt.");
        Plain(nbDetails[2]).ShouldBe("Krav: 1 forfalt faktura (2001), 20 000,00 kr utestående, 25 dager over forfall.");
        enTitle.ShouldBe("Call Fjellbygg AS: promise to pay by 02/02/2026 broken");
        Plain(enDetails[0]).ShouldBe("Why: the customer promised to pay by 02/02/2026, and 20,000.00 NOK is still overdue.");
    }

    [Fact]
    public void A_dispute_of_named_invoices_names_them_and_the_day_the_reply_came()
    {
        var task = Task(TaskKinds.ReviewDispute, "Dispute on invoice(s) 2002, 2003 (reply r-1 of 2026-01-20)", "The debtor disputes invoice(s) 2002, 2003.", new TaskFacts
        {
            Invoices = ["2002", "2003"],
            Reason = TaskReasons.DisputeInReply,
            AboutDate = new DateOnly(2026, 1, 20),
            Reference = "2002,2003",
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Innsigelse på faktura 2002, 2003 (svar 20.01.2026)");
        details[0].ShouldBe("Kunden bestrider faktura 2002, 2003 i et svar mottatt 20.01.2026.");
    }

    [Fact]
    public void A_credit_note_to_book_after_an_upheld_dispute_says_the_amount_and_invoices_in_bokmål()
    {
        var task = Task(TaskKinds.BookCreditNote, "Book a credit note of 900.00 NOK on 2002", "The dispute was resolved as upheld (T1).", new TaskFacts
        {
            Amount = 900m,
            Currency = "NOK",
            Invoices = ["2002"],
            Reason = TaskReasons.DisputeResolved,
            Reference = "upheld",
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        Plain(title).ShouldBe("Før kreditnota på 900,00 kr på faktura 2002");
        details[0].ShouldBe("Innsigelsen er tatt til følge.");
        details[1].ShouldStartWith("Før kreditnotaen i regnskapssystemet.");
    }

    [Fact]
    public void A_silent_debtor_handed_over_by_the_ladder_reads_as_a_decision_about_collection_with_the_gates_reasons_in_bokmål()
    {
        // The facts the hand-over stores: the gate's recommendation and its reasons as grounds, from the gate itself.
        var advice = Receivables.Escalation.EscalationGate.Recommend(
            new Receivables.Escalation.EscalationFacts("NOK", 12_500m, 0m, 2, 0, 70, 3, 0, 0, 0, 0, 0, false), new Receivables.Escalation.EscalationOptions());
        var task = Task(TaskKinds.DecideEscalation, "Decide next step for Fjellbygg AS (recommended: collection)", "The reminder ladder has no further automatic step.", new TaskFacts
        {
            Amount = 12_500m,
            Currency = "NOK",
            Reason = TaskReasons.LadderEnded,
            Reference = advice.Outcome,
            Grounds = ["handed-over:2001,2004", .. advice.Grounds],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", null).Select(Plain).ToList()));
        var (enTitle, enDetails) = InCulture("en-GB", words => (words.Title(task, "Fjellbygg AS"), words.Details(task, "Fjellbygg AS", null).Select(Plain).ToList()));

        title.ShouldBe("Avgjør om Fjellbygg AS skal til inkasso (anbefalt: inkasso)");
        details[0].ShouldStartWith("Purrestigen har ingen flere automatiske steg for faktura 2001, 2004.");
        details.ShouldContain("Anbefaling: inkasso. Begrunnelse:");
        details.ShouldContain("Ikke svar på 3 purringer.");
        details.ShouldContain("Ingenting betalt på 2 forfalte fakturaer (12 500,00 kr), den eldste 70 dager over forfall.");
        details.ShouldContain("12 500,00 kr er over minstebeløpet for inkasso på 500,00 kr, og ingenting tyder på at kunden ikke kan betale.");
        details.ShouldNotContain(d => d.Contains("reminder", StringComparison.Ordinal) || d.Contains("NOK", StringComparison.Ordinal));
        enTitle.ShouldBe("Decide whether Fjellbygg AS goes to collection (recommended: collection)");
        enDetails.ShouldContain("No reply to 3 reminders.");
    }

    [Fact]
    public void Collection_refused_for_want_of_an_inkassovarsel_says_why_and_what_to_send_first_in_bokmål()
    {
        var advice = Receivables.Escalation.EscalationGate.Recommend(
            new Receivables.Escalation.EscalationFacts("NOK", 12_500m, 0m, 1, 0, 70, 2, 1, 0, 0, 1, 0, false)
            {
                NoticeMissing = "the notice of 2026-01-20 (post) gives the debtor until 2026-02-03",
                NoticeMissingGround = "notice-pending:2026-01-20|post|2026-02-03",
            },
            new Receivables.Escalation.EscalationOptions());
        var task = Task(TaskKinds.DecideEscalation, "Decide next step for Per Olsen (recommended: extend)", "…", new TaskFacts
        {
            Currency = "NOK",
            Reason = TaskReasons.LadderEnded,
            Reference = advice.Outcome,
            Grounds = ["handed-over:2002", .. advice.Grounds],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null).Select(Plain).ToList()));

        advice.Grounds.Count.ShouldBe(advice.Reasons.Count);
        title.ShouldBe("Avgjør om Per Olsen skal til inkasso (anbefalt: utsettelse)");
        details.ShouldContain("Inkasso er ikke tillatt ennå: varselet av 20.01.2026 (post) gir kunden frist til 03.02.2026; kravet kan først gå til inkasso når fristen er ute (inkassoloven § 9).");
        details.ShouldContain(d => d.StartsWith("Send inkassovarselet først", StringComparison.Ordinal));
        details.ShouldContain("1 svar, men ingen betaling, ingen plan og ingen betalingsproblemer oppgitt.");
        details.ShouldContain("Kunden har bestridt kravet tidligere: gi inkassobyrået innsigelsen og avgjørelsen.");
        details.ShouldNotContain(d => d.Contains("minstebeløpet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_debtor_short_of_money_gets_a_plan_recommended_with_the_part_payments_and_broken_plans_counted_in_bokmål()
    {
        var advice = Receivables.Escalation.EscalationGate.Recommend(
            new Receivables.Escalation.EscalationFacts("NOK", 8_000m, 4_500m, 2, 1, 50, 3, 2, 2, 0, 0, 1, false), new Receivables.Escalation.EscalationOptions());
        var task = Task(TaskKinds.DecideEscalation, "Decide next step", "…", new TaskFacts { Currency = "NOK", Reason = TaskReasons.LadderEnded, Reference = advice.Outcome, Grounds = advice.Grounds });

        var details = InCulture("nb-NO", words => words.Details(task, "Per Olsen", null).Select(Plain).ToList());

        details.ShouldContain("Anbefaling: nedbetalingsplan. Begrunnelse:");
        details.ShouldContain("Kunden har skrevet om betalingsproblemer 2 ganger.");
        details.ShouldContain("Kunden har delbetalt 1 faktura med til sammen 4 500,00 kr: vil betale, men mangler penger.");
        details.ShouldContain("1 nedbetalingsplan brutt så langt, under grensen på 2.");
    }

    [Fact]
    public void A_ground_the_page_does_not_know_leaves_the_stored_details_rather_than_half_a_translation()
    {
        var task = Task(TaskKinds.DecideEscalation, "Decide next step for Per Olsen (recommended: plan)", "The ladder has no further step. A new rule said so.", new TaskFacts
        {
            Reason = TaskReasons.LadderEnded,
            Reference = "plan",
            Grounds = ["handed-over:2002", "a-rule-from-next-year:3"],
        });

        var details = InCulture("nb-NO", words => words.Details(task, "Per Olsen", null));

        details.ShouldBe(["The ladder has no further step.", "A new rule said so."]);
    }

    [Fact]
    public void A_broken_repayment_plan_names_the_missed_installments_and_what_was_paid_in_bokmål()
    {
        var task = Task(TaskKinds.DecideEscalation, "Repayment plan P0123456789 broken for Per Olsen", "installment(s) 2, 3 missed.", new TaskFacts
        {
            Reason = TaskReasons.PlanBroken,
            Reference = "P0123456789",
            Grounds = ["paid:1500.00|9000.00|NOK", "missed:2,3"],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null).Select(Plain).ToList()));

        title.ShouldBe("Nedbetalingsplan P0123456789 for Per Olsen er brutt");
        details[0].ShouldBe("Avdrag 2, 3 er ikke betalt.");
        details[1].ShouldBe("Betalt 1 500,00 kr av 9 000,00 kr siden kunden godtok planen.");
    }

    [Theory]
    [InlineData(TaskReasons.ReplyUnrecognised, null, "Svar fra kunden må leses: SV: Purring", "Ingen regel kjente igjen svaret.")]
    [InlineData(TaskReasons.ReplyNotActedOn, "instruction", "Svar fra kunden må leses: SV: Purring", "Svaret inneholder instruksjoner rettet mot et system eller en assistent; ingenting er gjort automatisk.")]
    [InlineData(TaskReasons.ReplyNotActedOn, "abstained", "Svar fra kunden må leses: SV: Purring", "Svaret passer ikke tydelig i én kategori; ingenting er gjort automatisk.")]
    [InlineData(TaskReasons.LowConfidence, "Dispute", "Kontroller tolkningen av svaret: SV: Purring", "Svaret ble tolket som innsigelse, men med lav sikkerhet, og er behandlet automatisk etter reglene. Kontroller at det ble riktig.")]
    [InlineData(TaskReasons.QuestionUnanswered, "account", "Svar på kundens spørsmål: SV: Purring", "Kunden spør om kontonummeret, og reskontroen hadde ingen opplysninger å svare med.")]
    [InlineData(TaskReasons.PlanNotDrafted, null, "Kunden ber om nedbetalingsplan, men ingen plan ble laget: SV: Purring", "Det kunne ikke lages noe forslag til nedbetalingsplan (for eksempel fordi ingenting lenger er utestående). Les svaret og svar kunden.")]
    public void A_reply_to_read_says_why_in_bokmål_with_the_debtors_subject(string reason, string? reference, string title, string firstLine)
    {
        var task = Task(TaskKinds.ReviewReply, "Read reply: SV: Purring", "No rule recognised this reply: Hei.", new TaskFacts { Reason = reason, Reference = reference, Subject = "SV: Purring", Quote = "Hei." });

        var (nbTitle, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        nbTitle.ShouldBe(title);
        details[0].ShouldBe(firstLine);
        details.ShouldNotContain(d => d.Contains("Hei.", StringComparison.Ordinal), "the debtor's words are shown once, quoted");
    }

    [Fact]
    public void A_promise_beyond_the_policy_names_the_promised_day_and_the_limit_in_bokmål()
    {
        var task = Task(TaskKinds.ReviewReply, "Promise to pay on 2026-06-30 is outside policy", "The debtor promises payment on 2026-06-30.", new TaskFacts
        {
            Reason = TaskReasons.PromiseOutsidePolicy,
            AboutDate = new DateOnly(2026, 6, 30),
            Threshold = 30,
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Betalingsløfte til 30.06.2026 er utenfor rammen");
        details.ShouldBe(["Kunden lover å betale 30.06.2026; purringene kan bare stanses automatisk i 30 dager. Avgjør om løftet skal godtas."]);
    }

    [Fact]
    public void A_reply_from_an_unverified_sender_names_the_sender_and_the_class_in_bokmål()
    {
        var task = Task(TaskKinds.ReviewReply, "Reply from an unverified sender (x@evil.example)", "Classified as PromiseToPay.", new TaskFacts
        {
            Reason = TaskReasons.UnverifiedSender,
            Reference = "x@evil.example",
            Subject = "Betaling",
            Grounds = ["class:PromiseToPay"],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Svar fra en ukjent avsender (x@evil.example)");
        details[0].ShouldStartWith("Svaret er tolket som betalingsløfte, men avsenderen er ikke kundens kjente adresse");
        details[1].ShouldBe("Emne: Betaling");
    }

    [Fact]
    public void A_reply_matching_several_cases_names_them_the_sender_and_the_class_in_bokmål()
    {
        var task = Task(TaskKinds.UnmatchedReply, "Unmatched reply: Faktura", "The sender matches 2 cases.", new TaskFacts
        {
            Reason = TaskReasons.ReplyUnmatched,
            Reference = "ola@example.no",
            Subject = "Faktura",
            Grounds = ["class:AlreadyPaid", "cases:case-1,case-2"],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, null), words.Details(task, null, null)));

        title.ShouldBe("Svar som ikke passer noen sak: Faktura");
        details[0].ShouldBe("Avsenderen passer 2 saker (case-1, case-2).");
        details[1].ShouldBe("Svaret er tolket som allerede betalt. Fra ola@example.no, emne «Faktura».");
    }

    [Fact]
    public void A_contact_change_reads_in_bokmål()
    {
        var task = Task(TaskKinds.ContactChange, "Contact change: Feil person", "The reply says the reminder reached the wrong person.", new TaskFacts { Reason = TaskReasons.ContactChanged, Subject = "Feil person" });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Kunden melder ny kontaktperson: Feil person");
        details[0].ShouldStartWith("Svaret sier at purringen nådde feil person");
    }

    [Fact]
    public void A_failing_email_address_says_it_does_not_work_and_what_the_mail_service_reported_in_bokmål()
    {
        var bounced = Task(TaskKinds.InvalidEmail, "No valid email for debtor C-200", "A delivery report says mail to per@example.no failed.", new TaskFacts { Reason = TaskReasons.EmailFailing, Reference = "per@example.no" });
        var dropped = Task(TaskKinds.InvalidEmail, "No valid email for debtor C-200", "SendGrid reported 'bounce'.", new TaskFacts
        {
            Reason = TaskReasons.EmailFailing,
            Reference = "per@example.no",
            Grounds = ["event:bounce", "detail:550 5.1.1 user unknown"],
        });

        var (title, reported) = InCulture("nb-NO", words => (words.Title(bounced, "Per Olsen"), words.Details(bounced, "Per Olsen", null)));
        var byService = InCulture("nb-NO", words => words.Details(dropped, "Per Olsen", null));

        title.ShouldBe("E-postadressen virker ikke: per@example.no");
        reported.ShouldBe(["En leveringsrapport sier at e-post til per@example.no ikke kom fram.", "Finn en adresse som virker, og oppdater den i reskontroen eller ERP-systemet."]);
        byService[0].ShouldBe("E-posttjenesten meldte «bounce» for per@example.no.");
        byService[1].ShouldBe("Melding fra mottakerens server: 550 5.1.1 user unknown");
    }

    [Fact]
    public void Security_to_confirm_a_missing_rate_a_notice_to_post_and_a_set_off_read_in_bokmål()
    {
        var security = Task(TaskKinds.ConfirmSecurity, "Confirm security for plan P0123456789 of Per Olsen", "…", new TaskFacts { Reason = TaskReasons.SecurityAwaited, Reference = "P0123456789" });
        var rate = Task(TaskKinds.AddRate, "Add the late-payment rate for the half-year from 2026-07-01", "…", new TaskFacts
        {
            Reason = TaskReasons.RateMissing,
            AboutDate = new DateOnly(2026, 7, 1),
            Threshold = 12.5m,
            Reference = "2026-01-01",
        });
        var post = Task(TaskKinds.SendByPost, "Post the inkassovarsel to Per Olsen", "…", new TaskFacts { Reason = TaskReasons.NoticeToPost, Reference = "per@example.no", Threshold = 90 });
        var setOff = Task(TaskKinds.ApproveSetOff, "Approve set-off of 4000.00 NOK with Per Olsen", "…", new TaskFacts
        {
            Reason = TaskReasons.SetOffProposed,
            Reference = "S0123456789",
            Amount = 4000m,
            Currency = "NOK",
            Invoices = ["2002"],
            Grounds = ["payables:L-77,L-78"],
        });

        var words = InCulture("nb-NO", w => new[] { security, rate, post, setOff }.Select(t => (Title: Plain(w.Title(t, "Per Olsen")), Details: w.Details(t, "Per Olsen", null).Select(Plain).ToList())).ToList());

        words[0].Title.ShouldBe("Bekreft sikkerhet for nedbetalingsplan P0123456789 for Per Olsen");
        words[0].Details[0].ShouldStartWith("Kunden har godtatt planen. Den gjelder først når sikkerheten (kausjon eller pant)");
        words[1].Title.ShouldBe("Legg inn forsinkelsesrenten for halvåret fra 01.07.2026");
        words[1].Details[0].ShouldBe("Ingen rentesats gjelder fra 01.07.2026: renter fra den dagen regnes med 12,50 % (satsen fra 01.01.2026) og merkes som foreløpige i brevenes bevis.");
        words[2].Title.ShouldBe("Send inkassovarselet i posten til Per Olsen");
        words[2].Details[0].ShouldStartWith("Inkassovarselet ble sendt på e-post til per@example.no, en adresse kunden aldri har skrevet fra (ikke svar innen 90 dager");
        words[3].Title.ShouldBe("Godkjenn motregning av 4 000,00 kr med Per Olsen");
        words[3].Details[0].ShouldBe("Forslag S0123456789: kundens gjeld på faktura 2002 motregnes mot det dere skylder kunden (faktura L-77, L-78).");
    }

    [Fact]
    public void A_reminder_that_could_not_be_sent_names_the_letter_level_and_invoices_and_says_the_case_is_held_in_bokmål()
    {
        var task = Task(TaskKinds.SendFailed, "Reminder (level 2) to Per Olsen could not be sent", "The reminder of 2026-01-20 (level 2, invoice(s) 2002) could not be sent: no email address. The case is held.", new TaskFacts
        {
            Reason = TaskReasons.SendFailed,
            Reference = "reminder",
            Threshold = 2,
            AboutDate = new DateOnly(2026, 1, 20),
            Invoices = ["2002"],
            Grounds = ["error:no email address"],
        });

        var (title, details) = InCulture("nb-NO", words => (words.Title(task, "Per Olsen"), words.Details(task, "Per Olsen", null)));

        title.ShouldBe("Purring (nivå 2) til Per Olsen kunne ikke sendes");
        details[0].ShouldBe("Kunne ikke sende purring fra kjøringen 20.01.2026 (nivå 2, faktura 2002).");
        details[1].ShouldBe("Feilmelding: no email address");
        details[2].ShouldStartWith("Saken holdes: ingen nye purringer går ut");
    }

    [Fact]
    public void A_debtor_the_cycle_had_to_skip_and_a_bank_payment_the_ledger_does_not_show_read_in_bokmål()
    {
        var skipped = Task("cycle-error", "Dunning skipped debtor B-100: its case could not be processed", "The cycle of 2026-01-20 could not process this debtor.", new TaskFacts
        {
            Reason = TaskReasons.DebtorSkipped,
            AboutDate = new DateOnly(2026, 1, 20),
            Grounds = ["error:FormatException: due date 2026-02-30 is not a date"],
        });
        var reconcile = Task("reconcile-payment", "The ledger does not show a bank payment of 900.00 NOK on invoice 2002", "Booked by the bank 2026-01-22.", new TaskFacts
        {
            Reason = TaskReasons.NotInLedger,
            Reference = "2002",
            AboutDate = new DateOnly(2026, 1, 22),
            Threshold = 7,
            Grounds = ["paid:900.00|NOK", "ledger:2026-02-02|900.00|ledger-w5.csv"],
        });

        var (skippedTitle, skippedDetails) = InCulture("nb-NO", words => (words.Title(skipped, "Fjellbygg AS"), words.Details(skipped, "Fjellbygg AS", null)));
        var (reconcileTitle, reconcileDetails) = InCulture("nb-NO", words => (Plain(words.Title(reconcile, "Per Olsen")), words.Details(reconcile, "Per Olsen", null).Select(Plain).ToList()));

        skippedTitle.ShouldBe("Purrekjøringen hoppet over kunden Fjellbygg AS: saken kunne ikke behandles");
        skippedDetails[0].ShouldBe("Kjøringen 20.01.2026 kunne ikke behandle denne kunden og sendte ingenting; alle andre kunder ble behandlet.");
        skippedDetails[1].ShouldBe("Feil: FormatException: due date 2026-02-30 is not a date");
        reconcileTitle.ShouldBe("Reskontroen viser ikke en bankinnbetaling på 900,00 kr på faktura 2002");
        reconcileDetails[0].ShouldBe("Bokført av banken 22.01.2026; reskontroen fra 02.02.2026 (ledger-w5.csv) viser fortsatt 900,00 kr åpent på faktura 2002, mer enn 7 dager senere.");
    }

    private static WorkTask Task(string kind, string title, string details, TaskFacts facts) =>
        new("acme", "T1", kind, "B-100", "case-1", title, details, Opened, true, null, null, null) { Facts = facts };

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static T InCulture<T>(string name, Func<TaskWords, T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
            return read(new TaskWords(new Texts()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
