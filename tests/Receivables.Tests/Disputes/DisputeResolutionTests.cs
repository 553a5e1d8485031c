using System.Reflection;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Disputes;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Disputes;

/// <summary>A dispute is never a dead end: a person resolves it as upheld, rejected or partly, and the case moves on.</summary>
public sealed class DisputeResolutionTests
{
    // A business owing 20 000 (a large claim: a call task opens with the friendly reminder) and a consumer owing 900.
    private const string Big = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";
    private const string Small = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";
    private const string Words = "Hei,\n\nVi bestrider denne fakturaen. Leveransen kom skadet frem og halve partiet ble reklamert.\n\nMed vennlig hilsen\nFjellbygg AS";

    private static async Task<(LeversWorld World, WorkTask Review)> DisputedAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Big, Small);
        await world.RunUntilAsync("2026-01-20");
        world.SetDay("2026-01-21");
        await world.ReplyAsync("B-100", "post@fjellbygg.example", Words);
        var review = (await TasksAsync(world, TaskKinds.ReviewDispute)).ShouldHaveSingleItem();
        return (world, review);
    }

    private static async Task<List<WorkTask>> TasksAsync(LeversWorld world, string kind, string debtorId = "B-100")
    {
        var list = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == kind && task.DebtorId == debtorId)
            {
                list.Add(task);
            }
        }

        return list;
    }

    private static List<OutboundEmail> SentTo(LeversWorld world, string address) =>
        world.Sender.Sends.Where(s => s.ToAddress == address).Select(s => s with { TextBody = s.TextBody.Replace('\u00A0', ' ').Replace('\u202F', ' ') }).ToList();

    private static Task<(WorkTask Task, string Effect)> DoneAsync(LeversWorld world, WorkTask task, string outcome, string? note = null, decimal? amount = null, DateOnly? date = null) =>
        world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(outcome, note, date, Actors.Person("kari"), amount));

    [Fact]
    public async Task Every_task_kind_declares_its_outcomes()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        var declared = world.Get<TaskOutcomes>().Declared();
        var kinds = typeof(TaskKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        kinds.ShouldNotBeEmpty();
        foreach (var kind in kinds)
        {
            declared.ContainsKey(kind).ShouldBeTrue($"task kind {kind} declares no outcomes");
            declared[kind].ShouldNotBeEmpty();
        }

        declared[TaskKinds.ReviewDispute].ShouldBe(["upheld", "rejected", "partly"]);
    }

    [Fact]
    public async Task An_unknown_outcome_of_a_dispute_is_refused_with_the_list_and_the_case_stays_held_with_its_task_open()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;

        var error = await Should.ThrowAsync<ReceivablesException>(() => DoneAsync(world, review, "xyz"));

        error.Message.ShouldContain("upheld, rejected, partly");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, review.TaskId))!.IsOpen.ShouldBeTrue();
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.IsHeld.ShouldBeTrue();
    }

    [Fact]
    public async Task A_task_kind_without_declared_outcomes_accepts_none()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        var task = await world.Get<ITaskStore>().OpenAsync(TestSettings.Creditor, "some-new-kind", null, null, "Something", "", "k");

        var error = await Should.ThrowAsync<ReceivablesException>(() => DoneAsync(world, task, "done"));

        error.Message.ShouldContain("declares no outcomes");
    }

    [Fact]
    public async Task The_dispute_task_quotes_the_debtors_words_and_shows_amount_days_overdue_due_date_and_priority_and_the_open_call_closes_as_superseded()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;

        review.Facts.Quote!.ShouldContain("Leveransen kom skadet frem");
        review.Facts.Invoices.ShouldBe(["2001"]);
        review.Facts.Amount.ShouldBe(20000m);
        review.Facts.DaysOverdue.ShouldBe(6);
        review.Facts.Priority.ShouldBe(TaskPriorities.High);
        review.Facts.DueDate.ShouldBe(new DateOnly(2026, 1, 22));
        review.Title.ShouldNotContain("SV: Påminnelse");

        var call = (await TasksAsync(world, TaskKinds.CallDebtor)).ShouldHaveSingleItem();
        call.IsOpen.ShouldBeFalse();
        call.Outcome.ShouldBe(MootOutcomes.SupersededByDispute);
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", found!.CaseId));
        entries.ShouldContain(e => e.Entry.Title.Contains("closed: superseded-by-dispute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_dispute_is_answered_in_writing_with_the_reason_and_a_new_deadline_then_the_ladder_resumes_where_it_stood()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;
        world.SetDay("2026-01-22");

        var refused = await Should.ThrowAsync<ReceivablesException>(() => DoneAsync(world, review, DisputeOutcomes.Rejected));
        refused.Message.ShouldContain("--note");
        var (_, effect) = await DoneAsync(world, review, DisputeOutcomes.Rejected, "the delivery note is signed without remarks");

        effect.ShouldContain("new deadline 2026-02-05");
        var answer = SentTo(world, "post@fjellbygg.example").Single(s => s.CustomArgs["template"] == MessageTemplates.DisputeOutcome);
        answer.TextBody.ShouldContain("the delivery note is signed without remarks");
        answer.TextBody.ShouldContain("05.02.2026");
        answer.TextBody.ShouldContain("dere");
        answer.TextBody.ShouldContain("KID: 20013");
        answer.TextBody.ShouldContain("1234.56.78903");
        answer.Thread.ShouldNotBeNull("the answer joins the debtor's conversation");
        answer.Subject.ShouldBe("SV: Påminnelse");
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100");
        found!.IsHeld.ShouldBeFalse();

        var before = SentTo(world, "post@fjellbygg.example").Count;
        await world.RunUntilAsync("2026-02-05");
        SentTo(world, "post@fjellbygg.example").Count.ShouldBe(before, "nothing before the new deadline");
        await world.RunUntilAsync("2026-02-09");
        var next = SentTo(world, "post@fjellbygg.example").Skip(before).ShouldHaveSingleItem();
        next.CustomArgs["template"].ShouldBe(MessageTemplates.Reminder, "the ladder resumes at the step after the friendly reminder");
    }

    [Fact]
    public async Task An_upheld_dispute_keeps_the_invoice_held_with_a_task_until_the_ledger_shows_the_credit_note()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;
        world.SetDay("2026-01-22");

        await DoneAsync(world, review, DisputeOutcomes.Upheld);

        var answer = SentTo(world, "post@fjellbygg.example").Single(s => s.CustomArgs["template"] == MessageTemplates.DisputeOutcome);
        answer.TextBody.ShouldContain("medhold");
        answer.TextBody.ShouldNotContain("Å betale");
        var book = (await TasksAsync(world, TaskKinds.BookCreditNote)).ShouldHaveSingleItem();
        book.IsOpen.ShouldBeTrue("a held case never remains without an open task");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.IsHeld.ShouldBeTrue();

        var before = SentTo(world, "post@fjellbygg.example").Count;
        await world.RunUntilAsync("2026-02-20");
        SentTo(world, "post@fjellbygg.example").Count.ShouldBe(before, "no reminders while the credit note is awaited");

        world.SetDay("2026-02-23");
        await world.UploadAsync(Big, Small, "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,K-2001,2026-02-20,2026-02-20,NOK,-20000.00,-20000.00,");
        await world.RunUntilAsync("2026-02-23");

        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, book.TaskId))!.Outcome.ShouldBe(MootOutcomes.Credited);
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.IsHeld.ShouldBeFalse();
        SentTo(world, "post@fjellbygg.example").Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_partly_upheld_dispute_states_the_credit_asks_only_the_rest_and_resumes_when_the_ledger_shows_the_credit()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;
        world.SetDay("2026-01-22");

        await Should.ThrowAsync<ReceivablesException>(() => DoneAsync(world, review, DisputeOutcomes.Partly, "half the delivery was damaged"));
        await DoneAsync(world, review, DisputeOutcomes.Partly, "half the delivery was damaged", amount: 5000m);

        var answer = SentTo(world, "post@fjellbygg.example").Single(s => s.CustomArgs["template"] == MessageTemplates.DisputeOutcome);
        answer.TextBody.ShouldContain("Kreditert etter reklamasjonen");
        answer.TextBody.ShouldContain("15 000,00");
        answer.TextBody.ShouldContain("05.02.2026");
        var book = (await TasksAsync(world, TaskKinds.BookCreditNote)).ShouldHaveSingleItem();
        book.Facts.Amount.ShouldBe(5000m);

        world.SetDay("2026-01-26");
        await world.UploadAsync(Big.Replace("20000.00,20013", "15000.00,20013", StringComparison.Ordinal), Small);
        await world.RunUntilAsync("2026-01-26");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, book.TaskId))!.Outcome.ShouldBe(MootOutcomes.Credited);
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.IsHeld.ShouldBeFalse();

        var before = SentTo(world, "post@fjellbygg.example").Count;
        await world.RunUntilAsync("2026-02-05");
        SentTo(world, "post@fjellbygg.example").Count.ShouldBe(before, "nothing before the deadline in the answer");
        await world.RunUntilAsync("2026-02-09");
        SentTo(world, "post@fjellbygg.example").Skip(before).ShouldHaveSingleItem().TextBody.ShouldContain("15 000,00");
    }

    [Fact]
    public async Task A_call_task_closes_itself_as_paid_when_the_ledger_shows_the_claim_paid_and_the_evidence_says_so()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Big, Small);
        await world.RunUntilAsync("2026-01-20");
        var call = (await TasksAsync(world, TaskKinds.CallDebtor)).ShouldHaveSingleItem();
        call.IsOpen.ShouldBeTrue();

        world.SetDay("2026-01-23");
        await world.UploadAsync(Big.Replace("20000.00,20000.00", "20000.00,0.00", StringComparison.Ordinal), Small);
        await world.RunUntilAsync("2026-01-23");

        var closed = await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, call.TaskId);
        closed!.IsOpen.ShouldBeFalse();
        closed.Outcome.ShouldBe(MootOutcomes.Paid);
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", found!.CaseId));
        entries.ShouldContain(e => e.Entry.Title == $"Task {call.TaskId} (call-debtor) closed: paid");
        var refused = await Should.ThrowAsync<ReceivablesException>(() => DoneAsync(world, closed, "promise", date: new DateOnly(2026, 2, 1)));
        refused.Message.ShouldContain("already done");
    }

    [Fact]
    public async Task A_held_dispute_closes_as_paid_and_the_hold_is_released_when_the_ledger_shows_it_paid()
    {
        var (world, review) = await DisputedAsync();
        await using var _ = world;

        world.SetDay("2026-01-26");
        await world.UploadAsync(Big.Replace("20000.00,20000.00", "20000.00,0.00", StringComparison.Ordinal), Small);
        await world.RunUntilAsync("2026-01-26");

        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, review.TaskId))!.Outcome.ShouldBe(MootOutcomes.Paid);
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.IsHeld.ShouldBeFalse();
    }
}
