using Receivables.Dunning;
using Receivables.Email;
using static Receivables.Tests.Dunning.LadderWorld;

namespace Receivables.Tests.Dunning;

public sealed class LadderTests
{
    [Fact]
    public void A_consumer_gets_friendly_reminder_then_reminder_then_collection_notice_then_a_person_over_a_year()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1001", "2026-01-15", 1000m));

        world.RunDays("2026-01-01", "2026-12-31");

        // Due Thu 15 Jan. Friendly: due + 5 = Tue 20 Jan, 10 days to pay (Fri 30 Jan).
        // Reminder: 14 days after the friendly one = Tue 3 Feb (after its deadline, ≥ 14 days after due), 14 days (Tue 17 Feb).
        // Collection notice: 15 days after = Wed 18 Feb, 14 days (Wed 4 Mar). A person: 15 days after = Thu 5 Mar.
        world.Sent.Select(s => (s.Date, s.Message.Level, s.Message.Template)).ShouldBe(
        [
            (D("2026-01-20"), 1, MessageTemplates.Friendly),
            (D("2026-02-03"), 2, MessageTemplates.Reminder),
            (D("2026-02-18"), 3, MessageTemplates.CollectionNotice),
        ]);
        world.Sent.Select(s => s.Document.Deadline).ShouldBe([D("2026-01-30"), D("2026-02-17"), D("2026-03-04")]);
        world.HandedOver.ShouldHaveSingleItem().Date.ShouldBe(D("2026-03-05"));
        world.Case.Stage.ShouldBe(CaseStages.Manual);

        Sum(world.Sent[0].Document, ReminderContent.FeeCharge).ShouldBe(0m);
        world.Sent[0].Document.Charges.ShouldBeEmpty();
        world.Case.Invoices["1001"].Fees.Select(f => f.Amount).ShouldBe([37.50m, 37.50m]);
        world.Sent[2].Document.Charges.Count(c => c.Kind == ReminderContent.FeeCharge).ShouldBe(2);
        world.Sent.ShouldAllBe(s => NorwegianCalendar.IsBusinessDay(s.Date));
        world.Sent[2].Document.ReplyAddress.ShouldBe("regnskap+tok123@acme.example");
        world.Sent[2].Document.Total.ShouldBe(world.Sent[2].Document.Principal + world.Sent[2].Document.Charges.Sum(c => c.Amount));
    }

    [Fact]
    public void A_business_is_charged_interest_across_the_1_July_rate_change_and_compensation_less_reminder_fees()
    {
        var rates = DunningDefaults.Rates();
        rates.Add(new RatePeriodOptions { From = D("2026-07-01"), Rate = 11.75m, Compensation = 450m });
        var world = new LadderWorld(business: true, rates);
        world.Invoices.Add(Invoice("2001", "2026-06-10", 20000m));

        world.RunDays("2026-06-01", "2027-05-31");

        // Due Wed 10 Jun. Friendly: due + 3 = Sat 13 Jun → Mon 15 Jun (deadline Thu 25 Jun). Reminder: Mon 29 Jun
        // (deadline Mon 13 Jul). Collection notice: Tue 14 Jul.
        world.Sent.Select(s => (s.Date, s.Message.Level)).ShouldBe([(D("2026-06-15"), 1), (D("2026-06-29"), 2), (D("2026-07-14"), 3)]);
        var notice = world.Sent[2].Document;
        // Hand calculation: 20 000 × 12.00 % × 20/365 (11–30 Jun) = 131.51; 20 000 × 11.75 % × 14/365 (1–14 Jul) = 90.14.
        notice.Charges.Where(c => c.Kind == ReminderContent.InterestCharge).Select(c => c.Amount).ShouldBe([131.51m, 90.14m]);
        // § 3a compensation in force when the claim fell into default (11 Jun 2026: 460 kr) less the two fees charged.
        Sum(notice, ReminderContent.CompensationCharge).ShouldBe(460m - 37.50m - 37.50m);
        Sum(world.Sent[1].Document, ReminderContent.CompensationCharge).ShouldBe(460m - 37.50m);
        Sum(notice, ReminderContent.FeeCharge).ShouldBe(75m);
        notice.Total.ShouldBe(20000m + 131.51m + 90.14m + 385m + 75m);
        world.HandedOver.ShouldHaveSingleItem();
    }

    [Fact]
    public void Nothing_is_sent_on_a_public_holiday_the_step_moves_to_the_next_business_day()
    {
        var world = new LadderWorld(business: false);
        // Due Sat 9 May 2026: due + 5 is Ascension Day (Thu 14 May = Easter 5 Apr + 39).
        world.Invoices.Add(Invoice("1002", "2026-05-09", 500m));

        for (var day = D("2026-05-10"); day <= D("2026-05-20"); day = day.AddDays(1))
        {
            world.Run(day); // even when a run happens on the holiday itself
        }

        NorwegianCalendar.IsHoliday(D("2026-05-14")).ShouldBeTrue();
        world.Sent.ShouldHaveSingleItem().Date.ShouldBe(D("2026-05-15"));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_and_the_holidays_that_depend_on_it_are_computed_for_any_year(int year, string easter)
    {
        NorwegianCalendar.EasterSunday(year).ShouldBe(D(easter));
        var holidays = NorwegianCalendar.Holidays(year).Select(h => h.Date).ToList();
        holidays.ShouldContain(D(easter).AddDays(-3)); // Maundy Thursday
        holidays.ShouldContain(D(easter).AddDays(50)); // Whit Monday
        NorwegianCalendar.IsBusinessDay(D(easter).AddDays(1)).ShouldBeFalse();
        NorwegianCalendar.IsBusinessDay(new DateOnly(year, 5, 17)).ShouldBeFalse();
    }

    [Fact]
    public void The_reminder_fee_follows_the_inkassosats_on_the_day_of_sending()
    {
        var rates = new RateTables(DunningDefaults.Rates(), DunningDefaults.Inkassosats());

        rates.ReminderFeeOn(D("2025-12-31")).ShouldBe(35m);
        rates.ReminderFeeOn(D("2026-01-02")).ShouldBe(37.50m);
        rates.PaymentDemandFeeOn(D("2026-01-02")).ShouldBe(112.50m);
    }

    [Fact]
    public void Fees_never_exceed_two_per_claim_however_many_levels_charge_one()
    {
        var greedy = new PolicyOptions
        {
            Levels = [.. Enumerable.Range(0, 5).Select(i => new LevelOptions { Stage = CaseStages.Reminder, Template = MessageTemplates.Reminder, DaysAfterDue = i == 0 ? 14 : null, DaysAfterPrevious = i == 0 ? null : 15, Fee = FeeKind.Reminder, DeadlineDays = 14 })],
        };
        var world = new LadderWorld(business: false, policy: greedy);
        world.Invoices.Add(Invoice("1003", "2026-01-05", 800m));

        world.RunDays("2026-01-05", "2026-06-30");

        world.Sent.Count.ShouldBe(5);
        world.Case.Invoices["1003"].Fees.Count.ShouldBe(2);
        world.Sent.Max(s => s.Document.Charges.Count(c => c.Kind == ReminderContent.FeeCharge)).ShouldBe(2);
    }

    [Fact]
    public void A_reminder_fee_is_not_charged_before_14_days_after_the_due_date()
    {
        var early = DunningDefaults.Consumer();
        early.Levels[1].DaysAfterDue = 3;
        early.Levels[1].DaysAfterPrevious = 1;
        early.Levels[0].DeadlineDays = 1;
        var world = new LadderWorld(business: false, policy: early);
        world.Invoices.Add(Invoice("1004", "2026-03-02", 300m));

        world.RunDays("2026-03-02", "2026-03-12");

        world.Sent.Select(s => s.Message.Level).ShouldContain(2);
        world.Sent.Single(s => s.Message.Level == 2).Document.Charges.ShouldNotContain(c => c.Kind == ReminderContent.FeeCharge);
    }

    [Fact]
    public void A_paid_invoice_gets_nothing_more()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1005", "2026-01-15", 1000m));

        world.RunDays("2026-01-15", "2026-12-31", day =>
        {
            if (day == D("2026-01-26"))
            {
                world.SetOpen("1005", 0m);
            }
        });

        world.Sent.ShouldHaveSingleItem().Message.Level.ShouldBe(1);
        world.Case.Stage.ShouldBe(CaseStages.Closed);
    }

    [Fact]
    public void A_debtor_whose_credit_note_covers_the_debt_gets_nothing()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1006", "2026-01-15", 1000m));
        world.Invoices.Add(Invoice("K-7", "2026-01-20", -1000m));

        world.RunDays("2026-01-15", "2026-06-30");

        world.Sent.ShouldBeEmpty();
        world.Case.Stage.ShouldBe(CaseStages.Closed);
    }

    [Fact]
    public void After_a_partial_payment_the_ladder_reanchors_on_what_is_still_unpaid()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1007", "2026-01-15", 1000m));

        world.RunDays("2026-01-15", "2026-03-31", day =>
        {
            if (day == D("2026-02-02"))
            {
                world.SetOpen("1007", 400m);
            }
        });

        // Friendly Tue 20 Jan; 600 paid Mon 2 Feb; the reminder waits 14 days from then (Mon 16 Feb), not Tue 3 Feb.
        world.Sent[1].Date.ShouldBe(D("2026-02-16"));
        world.Sent[1].Document.Principal.ShouldBe(400m);
        world.Sent[1].Document.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(400m);
    }

    [Fact]
    public void After_a_partial_payment_interest_runs_on_the_old_balance_until_the_payment_and_on_the_rest_after()
    {
        var world = new LadderWorld(business: true);
        world.Invoices.Add(Invoice("2002", "2026-03-10", 20000m));

        world.RunDays("2026-03-01", "2026-04-30", day =>
        {
            if (day == D("2026-03-23"))
            {
                world.SetOpen("2002", 5000m);
            }
        });

        // 15 000 paid, first seen Mon 23 Mar; the last business day the cycle saw 20 000 was Fri 20 Mar. The reminder
        // goes out Tue 7 Apr (Easter Monday is 6 Apr). Hand calculation at 12.00 %:
        // 20 000 × 12 % × 10/365 (11–20 Mar) = 65.75; 5 000 × 12 % × 18/365 (21 Mar – 7 Apr) = 29.59.
        // Today's balance back to the due date would have been 5 000 × 12 % × 28/365 = 46.03.
        var reminder = world.Sent.Single(s => s.Message.Level == 2);
        reminder.Date.ShouldBe(D("2026-04-07"));
        reminder.Document.Charges.Where(c => c.Kind == ReminderContent.InterestCharge).Select(c => c.Amount).ShouldBe([65.75m, 29.59m]);
        // The letter says how: balance × rate × days / basis and the period, written the Norwegian way.
        reminder.Document.Charges.Where(c => c.Kind == ReminderContent.InterestCharge).Select(c => c.Basis!.Replace('\u00A0', ' ')).ShouldBe(
        [
            "20 000,00 × 12,00 % × 10/365 dager, 11.03.2026–20.03.2026 (forsinkelsesrenteloven § 3)",
            "5 000,00 × 12,00 % × 18/365 dager, 21.03.2026–07.04.2026 (forsinkelsesrenteloven § 3)",
        ]);
        reminder.Document.Principal.ShouldBe(5000m);
    }

    [Fact]
    public void When_a_pause_at_the_manual_stage_runs_out_the_case_goes_back_to_a_person()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1001", "2026-01-15", 1000m));
        world.RunDays("2026-01-01", "2026-03-05");
        world.HandedOver.ShouldHaveSingleItem().Date.ShouldBe(D("2026-03-05"));

        // A person extends credit (or takes a promise) until 20 March; nothing happens until then.
        world.Case.Pause = PauseReason.PromiseToPay;
        world.Case.PausedUntil = D("2026-03-20");
        world.RunDays("2026-03-06", "2026-04-30");

        world.HandedOver.Select(h => h.Date).ShouldBe([D("2026-03-05"), D("2026-03-23")], "the first business day after the pause, and only once");
        world.Sent.Count.ShouldBe(3, "no further automatic message");
    }

    [Fact]
    public void A_paused_case_gets_nothing_until_the_promise_date_has_passed()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1008", "2026-01-15", 1000m));
        world.RunDays("2026-01-15", "2026-01-21");
        world.Case.Pause = PauseReason.PromiseToPay;
        world.Case.PausedUntil = D("2026-03-02");

        world.RunDays("2026-01-22", "2026-03-02");
        world.Sent.Count.ShouldBe(1);

        world.RunDays("2026-03-03", "2026-03-31");
        world.Case.Pause.ShouldBeNull();
        // Resumed 3 Mar and re-anchored: the reminder follows 14 days later (Tue 17 Mar).
        world.Sent[1].Date.ShouldBe(D("2026-03-17"));
    }

    [Fact]
    public void A_debtor_set_to_never_automatic_gets_nothing()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1009", "2026-01-15", 1000m));

        for (var day = D("2026-01-15"); day <= D("2026-04-30"); day = day.AddDays(1))
        {
            world.Run(day, neverAutomatic: true);
        }

        world.Sent.ShouldBeEmpty();
        world.Case.Stage.ShouldBe(CaseStages.Manual);
    }

    [Fact]
    public void With_the_collection_notice_handed_over_the_ladder_stops_before_the_notice()
    {
        var world = new LadderWorld(business: false, mode: CollectionNoticeMode.HandOver);
        world.Invoices.Add(Invoice("1010", "2026-01-15", 1000m));

        world.RunDays("2026-01-15", "2026-06-30");

        world.Sent.Select(s => s.Message.Template).ShouldBe([MessageTemplates.Friendly, MessageTemplates.Reminder]);
        world.HandedOver.ShouldHaveSingleItem().Date.ShouldBe(D("2026-02-18"));
        world.Case.Stage.ShouldBe(CaseStages.Manual);
    }

    [Fact]
    public void One_message_per_debtor_lists_all_its_overdue_invoices_with_totals()
    {
        var world = new LadderWorld(business: false);
        world.Invoices.Add(Invoice("1011", "2026-01-15", 1000m, kid: "10113"));
        world.Invoices.Add(Invoice("1012", "2026-01-16", 250m, kid: "10121"));
        world.Invoices.Add(Invoice("1013", "2026-03-30", 90m));

        world.RunDays("2026-01-15", "2026-01-31");

        var friendly = world.Sent.ShouldHaveSingleItem().Document;
        friendly.Invoices.Select(i => i.InvoiceNumber).ShouldBe(["1011", "1012"]);
        friendly.Principal.ShouldBe(1250m);
        friendly.Kid.ShouldBeNull();
    }

    [Fact]
    public void The_same_ledger_and_date_give_the_same_decision()
    {
        static ReminderDocument Once()
        {
            var world = new LadderWorld(business: true);
            world.Invoices.Add(Invoice("3001", "2026-02-02", 5000m));
            world.RunDays("2026-02-02", "2026-03-10");
            return world.Sent[^1].Document;
        }

        var a = Once();
        var b = Once();

        a.Charges.ShouldBe(b.Charges);
        (a.Total, a.Deadline, a.IssueDate, a.Template).ShouldBe((b.Total, b.Deadline, b.IssueDate, b.Template));
    }
}
