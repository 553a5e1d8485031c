using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Contact;

/// <summary>Call tasks at the configured ladder points, and what a recorded call outcome does to the case.</summary>
public sealed class CallTaskTests
{
    // A business owing 20 000 (a large claim) and a consumer owing 900, both due 15 January 2026.
    private const string Big = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";
    private const string Small = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";

    private static async Task<(LeversWorld World, WorkTask Call)> BigClaimCalledAsync()
    {
        var world = await LeversWorld.StartAsync("2026-01-20");
        await world.UploadAsync(Big, Small);
        await world.RunUntilAsync("2026-01-20");
        var calls = await OpenAsync(world, TaskKinds.CallDebtor);
        return (world, calls.Single());
    }

    private static async Task<List<WorkTask>> OpenAsync(LeversWorld world, string kind)
    {
        var list = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == kind)
            {
                list.Add(task);
            }
        }

        return list;
    }

    [Fact]
    public async Task A_large_claim_gets_a_call_task_with_contact_claim_and_talking_points_when_the_friendly_reminder_goes_and_a_small_one_does_not()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;

        world.Sender.Sends.Select(s => s.ToAddress).ShouldBe(["post@fjellbygg.example", "per@example.no"], ignoreOrder: true);
        call.DebtorId.ShouldBe("B-100");
        call.Title.ShouldBe("Call Fjellbygg AS");
        call.Details.ShouldContain("post@fjellbygg.example");
        call.Details.ShouldContain("2001 due 2026-01-15, 20000.00 open");
        call.Details.ShouldContain("ask why it is unpaid");
        call.Details.ShouldContain("offer an arrangement");

        // The next days' cycles do not open it again.
        await world.RunUntilAsync("2026-01-23");
        (await OpenAsync(world, TaskKinds.CallDebtor)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_promise_on_the_call_pauses_the_case_until_the_date_plus_grace_and_is_confirmed_in_writing_once()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;
        var outcome = new TaskOutcome(CallOutcomes.Promise, "Pays after their customer pays them", new DateOnly(2026, 1, 30), Actors.Person("ola"));

        var (done, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, call.TaskId, outcome);
        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, call.TaskId, outcome);

        done.IsOpen.ShouldBeFalse();
        effect.ShouldContain("paused until 2026-02-02");
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100");
        found!.Pause.ShouldBe(PauseReason.PromiseToPay);
        found.PausedUntil.ShouldBe(new DateOnly(2026, 2, 2));
        var confirmations = world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.CallConfirmation).ToList();
        var confirmation = confirmations.ShouldHaveSingleItem();
        confirmation.ToAddress.ShouldBe("post@fjellbygg.example");
        confirmation.ReplyTo.ShouldBe(ReminderContent.ReplyAddress("regnskap@acme.example", found.ReplyToken));
        confirmation.TextBody.ShouldContain("30.01.2026");
        confirmation.Subject.ShouldContain("Bekreftelse");

        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "B-100", found.CaseId));
        entries.Count(e => e.Entry.Title == "Call outcome: promise" && e.Entry.Actor == "person:ola").ShouldBe(1);
        entries.Count(e => e.Entry.Title == "Sent " + MessageTemplates.CallConfirmation).ShouldBe(1);
    }

    [Fact]
    public async Task A_dispute_on_the_call_holds_the_case_and_opens_a_review()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;

        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, call.TaskId, new TaskOutcome(CallOutcomes.Dispute, "Says the delivery was short", null, Actors.Person("ola")));

        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.Pause.ShouldBe(PauseReason.Dispute);
        (await OpenAsync(world, TaskKinds.ReviewDispute)).ShouldHaveSingleItem().Details.ShouldContain("delivery was short");
        world.Sender.Sends.Count(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.CallConfirmation).ShouldBe(1);
    }

    [Fact]
    public async Task A_wish_for_a_plan_on_the_call_requests_an_arrangement_and_no_answer_changes_nothing()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;

        var (_, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, call.TaskId, new TaskOutcome(CallOutcomes.Plan, "Wants 4 instalments", null, Actors.Person("ola")));

        effect.ShouldStartWith("arrangement requested");
        (await OpenAsync(world, TaskKinds.ApprovePlan)).ShouldContain(t => t.DebtorId == "B-100", "a plan is drafted for a person to approve");

        await world.RunUntilAsync("2026-03-10");
        var silent = (await OpenAsync(world, TaskKinds.CallDebtor)).Where(t => t.DebtorId == "C-200" && t.IsOpen).ToList();
        silent.ShouldHaveSingleItem("the consumer's collection notice always opens a call");
        var sendsBefore = world.Sender.Sends.Count;
        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, silent[0].TaskId, new TaskOutcome(CallOutcomes.NoAnswer, null, null, Actors.Person("ola")));
        world.Sender.Sends.Count.ShouldBe(sendsBefore);
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-200"))!.Pause.ShouldBeNull();
    }

    [Fact]
    public async Task A_debtor_whose_call_is_still_waiting_gets_no_second_call_task_at_the_collection_notice()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;

        await world.RunUntilAsync("2026-03-10");

        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "B-100"))!.Stage.ShouldBe(CaseStages.Manual, "the ladder went past the collection notice");
        (await OpenAsync(world, TaskKinds.CallDebtor)).Where(t => t.DebtorId == "B-100").ShouldHaveSingleItem().TaskId.ShouldBe(call.TaskId);
    }

    [Fact]
    public async Task An_outcome_that_a_call_does_not_have_is_refused_with_the_valid_ones()
    {
        var (world, call) = await BigClaimCalledAsync();
        await using var _ = world;

        var error = await Should.ThrowAsync<ReceivablesException>(() => world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, call.TaskId, new TaskOutcome("maybe", null, null, Actors.Person("ola"))));

        error.Message.ShouldContain("promise, dispute, plan, no-answer");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, call.TaskId))!.IsOpen.ShouldBeTrue();
    }
}
