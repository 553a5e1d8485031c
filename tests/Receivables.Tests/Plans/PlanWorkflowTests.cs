using System.Globalization;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Plans;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Plans;

/// <summary>
/// Plans end to end on Azurite: a liquidity reply drafts a plan, a person approves it, the debtor accepts by reply,
/// and later ledgers show the installments paid, missed or the plan broken.
/// </summary>
public sealed class PlanWorkflowTests
{
    private const string Debtor = "B-200";
    private const string DebtorEmail = "post@bergenbygg.example";

    /// <summary>Weekly plans with one week to the first payment, so a test covers a plan in a few simulated weeks.</summary>
    internal static readonly Dictionary<string, string?> WeeklyPolicy = new()
    {
        ["Receivables:Plans:Frequency"] = "Weekly",
        ["Receivables:Plans:FirstPaymentDays"] = "7",
        ["Receivables:Plans:MinInstallment"] = "500",
        ["Receivables:Plans:MaxDurationMonths"] = "2",
        ["Receivables:Plans:GraceDays"] = "3",
        ["Receivables:Plans:MissTolerance"] = "1",
    };

    private static string Owes(string open1, string open2 = "6000.00") =>
        $"B-200,Bergen Bygg AS,{DebtorEmail},business,912345678,F-100,2026-01-01,2026-01-15,NOK,6000.00,{open1},\n" +
        $"B-200,Bergen Bygg AS,{DebtorEmail},business,912345678,F-101,2026-01-05,2026-01-19,NOK,6000.00,{open2},";

    /// <summary>The debtor is overdue, got a friendly reminder, and writes that money is short; the plan is drafted.</summary>
    private static async Task<(LeversWorld World, RepaymentPlan Draft)> DraftedAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(WeeklyPolicy);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var world = await LeversWorld.StartAsync("2026-01-26", settings);
        await world.UploadAsync(Owes("6000.00"));
        await world.RunUntilAsync("2026-01-27");
        await world.ReplyAsync(Debtor, DebtorEmail, "Hei,\n\nVi har dessverre ikke likviditet til å betale alt nå etter en tung vinter. Kan vi få en nedbetalingsavtale?\n\nHilsen Bergen Bygg");
        var draft = await SinglePlanAsync(world);
        return (world, draft);
    }

    private static async Task<RepaymentPlan> SinglePlanAsync(LeversWorld world)
    {
        var plans = new List<RepaymentPlan>();
        await foreach (var plan in world.Get<IPlanStore>().ListAsync(TestSettings.Creditor, Debtor))
        {
            plans.Add(plan);
        }

        return plans.ShouldHaveSingleItem();
    }

    private static List<OutboundEmail> Sent(LeversWorld world, string template) =>
        [.. world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == template)];

    private static async Task<List<EvidenceEntry>> EvidenceAsync(LeversWorld world, string? caseId)
    {
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, Debtor, caseId!), CancellationToken.None);
        return [.. entries.Select(e => e.Entry)];
    }

    /// <summary>The plan is accepted by reply on <paramref name="day"/>.</summary>
    private static async Task<RepaymentPlan> InForceAsync(LeversWorld world, RepaymentPlan draft, string day = "2026-01-28")
    {
        world.SetDay(day);
        await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari.controller"));
        await world.ReplyAsync(Debtor, DebtorEmail, "Hei igjen,\n\nTakk for forslaget. Vi godtar avtalen og betaler etter planen.\n\nHilsen Bergen Bygg");
        return (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, draft.PlanId))!;
    }

    [Fact]
    public async Task A_liquidity_reply_drafts_a_plan_by_rules_that_waits_for_a_person_and_sends_nothing_before_approval()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;

        draft.Status.ShouldBe(PlanStatus.Draft);
        draft.Source.ShouldBe(ArrangementSource.Reply);
        draft.CoveredInvoices.ShouldBe(["F-100", "F-101"]);
        draft.Principal.ShouldBe(12000m);
        draft.Claim.ShouldBe(draft.Principal + draft.Fees + draft.Interest + draft.Compensation);
        draft.Installments.Sum(i => i.Amount).ShouldBe(draft.Claim, "the installments add up to the claim exactly");
        draft.Installments.Zip(draft.Installments.Skip(1)).ShouldAllBe(p => p.Second.DueDate.DayNumber - p.First.DueDate.DayNumber >= 7);
        var task = (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, draft.ApprovalTaskId!)).ShouldNotBeNull();
        task.Kind.ShouldBe(TaskKinds.ApprovePlan);
        task.IsOpen.ShouldBeTrue();
        Sent(world, MessageTemplates.PlanProposal).ShouldBeEmpty();
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!.Pause.ShouldBeNull("a draft does not stop the ladder");
    }

    [Fact]
    public async Task Approval_sends_the_proposal_once_with_the_schedule_and_dunning_waits_for_the_answer()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        world.SetDay("2026-01-28");

        var approved = await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari.controller"));
        await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari.controller"));

        approved.Status.ShouldBe(PlanStatus.Proposed);
        approved.StartDate.ShouldBe(new DateOnly(2026, 1, 28), "dates run from the day the letter goes out");
        var letter = Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem();
        letter.ToAddress.ShouldBe(DebtorEmail);
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        foreach (var installment in approved.Installments)
        {
            letter.TextBody.ShouldContain(installment.DueDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            letter.TextBody.ShouldContain(installment.Amount.ToString("N2", nb));
        }

        letter.TextBody.ShouldContain("godtar");
        letter.TextBody.ShouldNotContain("Å betale:", Case.Sensitive, "the plan states what to pay; the ledger total would contradict it");
        letter.Attachments.ShouldHaveSingleItem().FileName.ShouldStartWith("nedbetalingsavtale-");
        var view = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!;
        view.Pause.ShouldBe(PauseReason.PlanProposed);
        view.PausedUntil.ShouldBe(approved.AnswerBy);
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, draft.ApprovalTaskId!))!.Outcome.ShouldBe("approve");
        (await EvidenceAsync(world, approved.CaseId)).ShouldContain(e => e.Title.StartsWith("Repayment plan approved by person:kari.controller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_draft_sends_nothing_and_keeps_the_reason()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;

        var (_, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, draft.ApprovalTaskId!, new TaskOutcome("reject", "Debtor is in bankruptcy proceedings; hand over instead", null, Actors.Person("per")));

        effect.ShouldContain("rejected");
        var plan = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, draft.PlanId))!;
        plan.Status.ShouldBe(PlanStatus.Rejected);
        plan.RejectReason.ShouldBe("Debtor is in bankruptcy proceedings; hand over instead");
        Sent(world, MessageTemplates.PlanProposal).ShouldBeEmpty();
        await Should.ThrowAsync<Common.ReceivablesException>(() => world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("per")));
    }

    [Fact]
    public async Task Accepting_by_reply_puts_the_plan_in_force_confirms_it_and_the_ladder_sends_no_more_reminders()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        world.SetDay("2026-01-28");
        await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari.controller"));
        await world.ReplyAsync(Debtor, DebtorEmail, "Vi godtar ikke dette, avdragene er for store.");
        (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, draft.PlanId))!.Status.ShouldBe(PlanStatus.Proposed, "a refusal is not an acceptance");

        await world.ReplyAsync(Debtor, DebtorEmail, "Hei igjen,\n\nTakk for forslaget. Vi godtar avtalen og betaler etter planen.\n\nHilsen Bergen Bygg");
        var sendsBefore = world.Sender.Sends.Count;
        await world.RunUntilAsync("2026-03-06");

        var plan = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, draft.PlanId))!;
        plan.Status.ShouldBe(PlanStatus.InForce);
        plan.OpenAtAcceptance.ShouldBe(12000m);
        plan.AcceptedVia.ShouldNotBeNull().ShouldStartWith("reply ");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!.Pause.ShouldBe(PauseReason.PlanInForce);
        Sent(world, MessageTemplates.PlanAccepted).ShouldContain(s => s.TextBody.Contains("Nedbetalingsavtalen gjelder nå", StringComparison.Ordinal));
        world.Sender.Sends.Skip(sendsBefore).ShouldNotContain(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.Reminder || s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.CollectionNotice);
        (await world.Get<IPlanFacts>().GetAsync(TestSettings.Creditor, Debtor)).HasPlanInForce.ShouldBeTrue();
        (await EvidenceAsync(world, plan.CaseId)).ShouldContain(e => e.Kind == EvidenceKinds.Agreement && e.Title.StartsWith("Repayment plan accepted", StringComparison.Ordinal));
        var calls = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == TaskKinds.CallDebtor)
            {
                calls.Add(task);
            }
        }

        calls.ShouldNotBeEmpty("12 000 is a large claim: a call task opened with the friendly reminder");
        calls.ShouldAllBe(t => !t.IsOpen && t.Outcome == "plan", "the plan makes the call unnecessary");
    }

    [Fact]
    public async Task A_kept_plan_records_each_installment_and_completes_when_the_invoices_are_paid()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        var plan = await InForceAsync(world, draft);
        var first = plan.Installments[0];
        var second = plan.Installments[1];

        world.SetDay(first.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes((6000m - first.Amount).ToString("0.00", CultureInfo.InvariantCulture)));
        world.SetDay(second.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes((6000m - first.Amount - second.Amount).ToString("0.00", CultureInfo.InvariantCulture)));
        var midway = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        midway.PaidInstallments.ShouldBe([1, 2]);
        midway.Missed.ShouldBeEmpty();

        world.SetDay(plan.Installments[^1].DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync("B-200,Bergen Bygg AS,post@bergenbygg.example,business,912345678,F-100,2026-01-01,2026-01-15,NOK,6000.00,0.00,");

        var done = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        done.Status.ShouldBe(PlanStatus.Completed);
        Sent(world, MessageTemplates.PlanMissed).ShouldBeEmpty();
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!.Pause.ShouldNotBe(PauseReason.PlanInForce);
        (await EvidenceAsync(world, plan.CaseId)).Count(e => e.Title.StartsWith("Installment", StringComparison.Ordinal) && e.Title.Contains("paid", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task A_missed_installment_gets_one_friendly_notice_and_a_second_miss_breaks_the_plan_back_to_the_ladder()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        var plan = await InForceAsync(world, draft);
        var first = plan.Installments[0];
        var afterFirstPaid = (6000m - first.Amount).ToString("0.00", CultureInfo.InvariantCulture);

        // Installment 1 paid; installment 2 not paid by its due date + 3 grace days.
        world.SetDay(plan.Installments[1].DueDate.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes(afterFirstPaid));
        await world.UploadAsync(Owes(afterFirstPaid)); // the same export again changes nothing
        var missedOnce = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        missedOnce.Status.ShouldBe(PlanStatus.InForce);
        missedOnce.Missed.ShouldBe([2]);
        var notice = Sent(world, MessageTemplates.PlanMissed).ShouldHaveSingleItem();
        notice.TextBody.ShouldContain("avdrag 2");

        // Installment 3 missed too: more than the one miss tolerated.
        world.SetDay(plan.Installments[2].DueDate.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes(afterFirstPaid));

        var broken = (await world.Get<IPlanStore>().GetAsync(TestSettings.Creditor, plan.PlanId))!;
        broken.Status.ShouldBe(PlanStatus.Broken);
        broken.Missed.ShouldBe([2, 3]);
        Sent(world, MessageTemplates.PlanMissed).Count.ShouldBe(1, "the breach is not another friendly notice");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, Debtor))!.Pause.ShouldBeNull("the case is back on the ladder");
        var tasks = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            tasks.Add(task);
        }

        tasks.ShouldContain(t => t.Kind == TaskKinds.DecideEscalation && t.Title.Contains("broken", StringComparison.Ordinal));
        (await world.Get<IPlanFacts>().GetAsync(TestSettings.Creditor, Debtor)).Broken.ShouldBe(1);

        var remindersBefore = Sent(world, MessageTemplates.Reminder).Count + Sent(world, MessageTemplates.CollectionNotice).Count;
        await world.RunUntilAsync(world.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (Sent(world, MessageTemplates.Reminder).Count + Sent(world, MessageTemplates.CollectionNotice).Count).ShouldBeGreaterThan(remindersBefore, "the ladder resumes after a broken plan");
        var evidence = await EvidenceAsync(world, plan.CaseId);
        evidence.ShouldContain(e => e.Title.StartsWith("Repayment plan drafted", StringComparison.Ordinal));
        evidence.ShouldContain(e => e.Kind == EvidenceKinds.Agreement);
        evidence.ShouldContain(e => e.Title.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_agreement_recorded_by_a_person_is_archived_and_puts_the_plan_in_force()
    {
        var (world, draft) = await DraftedAsync();
        await using var _ = world;
        world.SetDay("2026-01-28");
        await world.Get<PlanService>().ApproveAsync(TestSettings.Creditor, draft.PlanId, Actors.Person("kari.controller"));
        var scan = "%PDF-1.4 signed agreement"u8.ToArray();

        var plan = await world.Get<PlanService>().AcceptByDocumentAsync(TestSettings.Creditor, draft.PlanId, "avtale-signert.pdf", scan, Actors.Person("kari.controller"));

        plan.Status.ShouldBe(PlanStatus.InForce);
        var evidence = await EvidenceAsync(world, plan.CaseId);
        var signed = evidence.Where(e => e.Title == "Signed repayment agreement avtale-signert.pdf").ShouldHaveSingleItem();
        signed.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task A_debtor_on_credit_hold_gets_deliveries_again_once_the_first_installment_of_its_plan_is_paid()
    {
        var (world, draft) = await DraftedAsync(new Dictionary<string, string?>
        {
            ["Receivables:CreditHold:MinimumOverdue"] = "10000",
            ["Receivables:CreditHold:Stage"] = "",
            ["Receivables:Plans:ResumeDeliveriesAfterInstallments"] = "1",
        });
        await using var _ = world;
        (await HoldAsync(world)).ShouldNotBeNull().LiftedOn.ShouldBeNull("12 000 overdue is above the hold limit");

        var plan = await InForceAsync(world, draft);
        Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem().TextBody.ShouldContain("når 1 avdrag er betalt");
        await world.RunUntilAsync(plan.Installments[0].DueDate.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (await HoldAsync(world))!.LiftedOn.ShouldBeNull("accepting the plan is not enough under this policy");

        world.SetDay(plan.Installments[0].DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await world.UploadAsync(Owes((6000m - plan.Installments[0].Amount).ToString("0.00", CultureInfo.InvariantCulture)));
        await world.RunUntilAsync(world.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        (await HoldAsync(world))!.LiftedOn.ShouldBe(plan.Installments[0].DueDate);
    }

    private static async Task<Receivables.CreditHold.CreditHoldState?> HoldAsync(LeversWorld world)
    {
        Receivables.CreditHold.CreditHoldState? found = null;
        await foreach (var hold in world.Get<Receivables.CreditHold.CreditHolds>().ListAsync(TestSettings.Creditor))
        {
            if (hold.DebtorId == Debtor)
            {
                found = hold;
            }
        }

        return found;
    }

    [Fact]
    public async Task A_liquidity_reply_after_everything_is_paid_opens_a_task_for_a_person_instead_of_failing()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-26", WeeklyPolicy);
        await world.UploadAsync(Owes("6000.00"));
        await world.RunUntilAsync("2026-01-27");
        world.SetDay("2026-01-28");
        await world.UploadAsync("B-200,Bergen Bygg AS,post@bergenbygg.example,business,912345678,F-100,2026-01-01,2026-01-15,NOK,6000.00,0.00,");

        await world.ReplyAsync(Debtor, DebtorEmail, "Hei,\n\nVi har dessverre ikke likviditet til å betale alt nå. Kan vi få en nedbetalingsavtale?\n\nHilsen Bergen Bygg");

        var tasks = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor))
        {
            tasks.Add(task);
        }

        tasks.ShouldContain(t => t.Kind == TaskKinds.ReviewReply && t.Details.Contains("nothing open", StringComparison.Ordinal));
        var poison = world.Get<Receivables.Storage.StorageClients>().Queue(Receivables.Storage.StorageNames.Queues.ProcessReply + "-poison");
        ((await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync()).Value.Length > 0).ShouldBeFalse("the reply is handled, not poisoned");
    }

    [Fact]
    public async Task A_plan_under_the_auto_send_threshold_goes_out_without_a_person()
    {
        var (world, draft) = await DraftedAsync(new Dictionary<string, string?> { ["Receivables:Plans:AutoSendBelow"] = "50000" });
        await using var _ = world;

        draft.Status.ShouldBe(PlanStatus.Proposed);
        draft.DecidedBy.ShouldBe(Actors.Rule);
        Sent(world, MessageTemplates.PlanProposal).ShouldHaveSingleItem();
    }
}
