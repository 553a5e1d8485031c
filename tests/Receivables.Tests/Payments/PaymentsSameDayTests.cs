using System.Globalization;
using Receivables.CreditHold;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Plans;

namespace Receivables.Tests.Payments;

/// <summary>
/// What a bank payment does the same day, before any new ledger, through the rules the ledger path uses: the ladder
/// re-anchors on a part payment, a plan counts its installment paid, a credit hold lifts, an "already paid" reply is
/// answered.
/// </summary>
public sealed class PaymentsSameDayTests
{
    private static string Row(string debtor, string name, string email, string type, string org, string invoice, string due, decimal amount, decimal open) =>
        string.Create(CultureInfo.InvariantCulture, $"{debtor},{name},{email},{type},{org},{invoice},2026-01-01,{due},NOK,{amount:0.00},{open:0.00},{Kid.WithMod10(invoice)}");

    private static Task<Receivables.Payments.PaymentImportOutcome> PaysAsync(LeversWorld world, string file, params GeneratedPayment[] payments) =>
        PaymentsWorld.ImportAsync(world.Host, BankFileGenerator.Ocr(payments), file);

    private static GeneratedPayment ByKid(string invoice, decimal amount, DateOnly day) => new(amount, day, Kid: Kid.WithMod10(invoice));

    private static List<OutboundEmail> Sent(LeversWorld world, string address, string template) =>
        [.. world.Sender.Sends.Where(s => s.ToAddress == address && s.CustomArgs.GetValueOrDefault("template") == template).Select(Plain)];

    /// <summary>The letter's text with the non-breaking spaces of amounts as plain spaces.</summary>
    private static OutboundEmail Plain(OutboundEmail email) => email with { TextBody = email.TextBody.Replace('\u00A0', ' ').Replace('\u202F', ' ') };

    private static string ToPay(OutboundEmail email) => email.TextBody.Split('\n').Single(l => l.StartsWith("Å betale:", StringComparison.Ordinal));

    [Fact]
    public async Task A_part_payment_by_bank_file_reanchors_the_ladder_exactly_as_the_same_part_payment_in_the_ledger()
    {
        const string Kari = "C-200";
        const string Per = "C-300";
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(
            Row(Kari, "Kari Nordmann", "kari@example.no", "consumer", "", "1001", "2026-01-05", 1000m, 1000m),
            Row(Per, "Per Olsen", "per@example.no", "consumer", "", "1002", "2026-01-05", 1000m, 1000m));
        await world.RunUntilAsync("2026-01-20");
        var first = world.Sender.Sends.Count;
        first.ShouldBe(2);

        // Per's part payment is in the ledger of 3 February; Kari's identical one arrives by the bank's file that morning.
        world.SetDay("2026-02-03");
        await world.UploadAsync(
            Row(Kari, "Kari Nordmann", "kari@example.no", "consumer", "", "1001", "2026-01-05", 1000m, 1000m),
            Row(Per, "Per Olsen", "per@example.no", "consumer", "", "1002", "2026-01-05", 1000m, 400m));
        (await PaysAsync(world, "ocr-0203.txt", ByKid("1001", 600m, world.Today))).Matched.ShouldBe(1);
        await world.RunUntilAsync("2026-02-03");

        var cases = world.Get<ICaseStore>();
        var kari = (await cases.GetAsync(TestSettings.Creditor, Kari))!;
        var per = (await cases.GetAsync(TestSettings.Creditor, Per))!;
        kari.NextAction.ShouldBe(per.NextAction, "the bank part payment re-anchors the ladder as the ledger part payment does");
        kari.NextAction.ShouldNotBeNull().ShouldBeGreaterThan(world.Today);
        world.Sender.Sends.Count.ShouldBe(first, "neither gets the next step on the day of the part payment");

        // On the re-anchored day both get the next step, for the 400 still open (and the fee), not the 1,000.
        await world.RunUntilAsync(kari.NextAction.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var toKari = Plain(world.Sender.Sends.Skip(first).Where(s => s.ToAddress == "kari@example.no").ShouldHaveSingleItem());
        var toPer = Plain(world.Sender.Sends.Skip(first).Where(s => s.ToAddress == "per@example.no").ShouldHaveSingleItem());
        toKari.CustomArgs["level"].ShouldBe(toPer.CustomArgs["level"]);
        toKari.CustomArgs["template"].ShouldBe(toPer.CustomArgs["template"]);
        toKari.TextBody.ShouldContain("utestående 400,00 kr");
        toKari.TextBody.ShouldContain("Hovedstol: 400,00 kr");
        ToPay(toKari).ShouldBe(ToPay(toPer), "the same fee and interest on the same 400 left");
    }

    [Fact]
    public async Task A_plan_installment_paid_by_bank_file_counts_as_paid_the_same_day_and_the_next_ledger_does_not_count_it_twice()
    {
        const string Debtor = "B-200";
        const string Email = "post@bergenbygg.example";
        string Owes(decimal open1) =>
            Row(Debtor, "Bergen Bygg AS", Email, "business", "912345678", "5100", "2026-01-15", 6000m, open1) + "\n"
            + Row(Debtor, "Bergen Bygg AS", Email, "business", "912345678", "5101", "2026-01-19", 6000m, 6000m);

        await using var world = await LeversWorld.StartAsync("2026-01-26", PlanWorkflowTests.WeeklyPolicy);
        await world.UploadAsync(Owes(6000m));
        await world.RunUntilAsync("2026-01-27");
        await world.ReplyAsync(Debtor, Email, "Hei,\n\nVi har dessverre ikke likviditet til å betale alt nå etter en tung vinter. Kan vi få en nedbetalingsavtale?\n\nHilsen Bergen Bygg");
        RepaymentPlan? draft = null;
        await foreach (var p in world.Get<IPlanStore>().ListAsync(TestSettings.Creditor, Debtor))
        {
            draft = p;
        }

        world.SetDay("2026-01-28");
        await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft!.PlanId, Actors.Person("kari.controller"));
        await world.ReplyAsync(Debtor, Email, "Hei igjen,\n\nTakk for forslaget. Vi godtar avtalen og betaler etter planen.\n\nHilsen Bergen Bygg");
        var plan = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, draft.PlanId))!;
        plan.Status.ShouldBe(PlanStatus.InForce);
        var installment = plan.Installments[0];

        // The first installment arrives by the bank's file on its due date; no ledger is uploaded.
        world.SetDay(installment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (await PaysAsync(world, "ocr-plan.txt", ByKid("5100", installment.Amount, world.Today))).Matched.ShouldBe(1);

        var paid = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        paid.PaidInstallments.ShouldBe([1]);
        paid.Paid.ShouldBe(installment.Amount);
        var evidence = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, Debtor, plan.CaseId!), CancellationToken.None);
        evidence.ShouldContain(e => e.Entry.Title == $"Installment 1 of plan {plan.PlanId} paid");

        // A week later the ledger shows the same payment: it is counted once, and installment 2 is not taken as paid.
        world.SetDay(plan.Installments[1].DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes(6000m - installment.Amount));
        var later = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        later.Paid.ShouldBe(installment.Amount);
        later.PaidInstallments.ShouldBe([1]);
        later.Status.ShouldBe(PlanStatus.InForce);
    }

    [Fact]
    public async Task A_credit_hold_lifts_as_soon_as_the_bank_file_leaves_nothing_overdue_and_not_on_a_part_payment()
    {
        const string Kari = "C-300";
        await using var world = await LeversWorld.StartAsync("2026-01-20", new Dictionary<string, string?>
        {
            ["Receivables:CreditHold:MinimumOverdue"] = "1000",
            ["Receivables:CreditHold:Stage"] = "",
        });
        await world.UploadAsync(Row(Kari, "Kari Nordmann", "kari@example.no", "consumer", "", "3001", "2026-01-05", 12500m, 12500m));
        await world.RunUntilAsync("2026-01-20");
        (await world.Get<CreditHolds>().GetAsync(TestSettings.Creditor, Kari)).ShouldNotBeNull().Held.ShouldBeTrue();

        // Midday, after the day's cycle: a part payment leaves 2,500 overdue, above the limit; the hold stays.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 21, 11, 0, 0, TimeSpan.Zero));
        (await PaysAsync(world, "ocr-a.txt", ByKid("3001", 10000m, new DateOnly(2026, 1, 21)))).Matched.ShouldBe(1);
        (await world.Get<CreditHolds>().GetAsync(TestSettings.Creditor, Kari))!.Held.ShouldBeTrue();

        // The rest arrives in the afternoon's file: the hold lifts then, not at tomorrow's cycle.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 21, 14, 0, 0, TimeSpan.Zero));
        (await PaysAsync(world, "ocr-b.txt", ByKid("3001", 2500m, new DateOnly(2026, 1, 21)))).Matched.ShouldBe(1);
        var lifted = (await world.Get<CreditHolds>().GetAsync(TestSettings.Creditor, Kari))!;
        lifted.Held.ShouldBeFalse();
        lifted.LiftedOn.ShouldBe(new DateOnly(2026, 1, 21));
        var queue = world.Get<Receivables.Storage.StorageClients>().Queue(Receivables.Storage.StorageNames.Queues.CreditHold);
        var signals = (await queue.PeekMessagesAsync(32)).Value.Select(m => System.Text.Json.JsonSerializer.Deserialize<CreditHoldMessage>(m.Body.ToString())!.Signal).ToList();
        signals.ShouldBe(["hold", "lifted"]);
    }

    [Fact]
    public async Task An_already_paid_reply_is_answered_at_once_when_the_bank_file_shows_the_money_and_waits_for_the_ledger_on_a_part_payment()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(
            Row("C-200", "Per Olsen", "per@example.no", "consumer", "", "2002", "2026-01-15", 900m, 900m),
            Row("B-100", "Fjellbygg AS", "post@fjellbygg.example", "business", "987654321", "2001", "2026-01-15", 20000m, 20000m));
        await world.RunUntilAsync("2026-01-20");
        world.SetDay("2026-01-21");
        var perId = await world.ReplyAsync("C-200", "per@example.no", "Hei! Denne fakturaen er allerede betalt, jeg betalte den 19. januar.\n\nPer");
        await world.ReplyAsync("B-100", "post@fjellbygg.example", "Hei! Denne fakturaen er allerede betalt.\n\nFjellbygg AS");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!.Pause.ShouldBe(PauseReason.AwaitingLedger);

        // The bank's file that day: Per's 900 in full, only part of Fjellbygg's 20,000.
        world.SetDay("2026-01-22");
        await PaysAsync(world, "ocr-0122.txt", ByKid("2002", 900m, new DateOnly(2026, 1, 19)), ByKid("2001", 5000m, new DateOnly(2026, 1, 20)));

        var found = Sent(world, "per@example.no", MessageTemplates.PaymentFound).ShouldHaveSingleItem();
        found.TextBody.ShouldContain("Saken er avsluttet");
        found.TextBody.ShouldContain("fått betalingen inn på kontoen vår");
        found.Thread.ShouldNotBeNull().MessageId.ShouldBe(perId);
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!.Pause.ShouldBeNull();
        Sent(world, "post@fjellbygg.example", MessageTemplates.PaymentFound).ShouldBeEmpty();
        Sent(world, "post@fjellbygg.example", MessageTemplates.StillOpen).ShouldBeEmpty("a part payment leaves the reply waiting for the ledger");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.Pause.ShouldBe(PauseReason.AwaitingLedger);

        // The next ledger: Fjellbygg is told what is still open; Per gets no second letter.
        world.SetDay("2026-01-23");
        await world.UploadAsync(Row("B-100", "Fjellbygg AS", "post@fjellbygg.example", "business", "987654321", "2001", "2026-01-15", 20000m, 15000m));
        Sent(world, "per@example.no", MessageTemplates.PaymentFound).Count.ShouldBe(1);
        Sent(world, "post@fjellbygg.example", MessageTemplates.StillOpen).ShouldHaveSingleItem().TextBody.ShouldContain("15 000,00");
    }
}
