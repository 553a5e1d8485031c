using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Handover;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Escalation;

/// <summary>The gate at the manual stage, through the real cycle: a silent debtor and one who is short of money.</summary>
public sealed class EscalationEndToEndTests
{
    private const string Kari = "C-300,Kari Nordmann,kari@example.no,consumer,,3001,2026-01-01,2026-01-05,NOK,12500.00,{0},30015";

    private static string KariOwes(string open) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Kari, open);

    private static async Task<WorkTask?> DecisionTaskAsync(LeversWorld world)
    {
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == TaskKinds.DecideEscalation)
            {
                return task;
            }
        }

        return null;
    }

    [Fact]
    public async Task A_silent_debtor_reaching_the_manual_stage_is_recommended_for_collection_with_reasons_in_the_task_and_the_evidence()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(KariOwes("12500.00"));

        await world.RunUntilAsync("2026-04-30");

        var task = (await DecisionTaskAsync(world)).ShouldNotBeNull();
        task.Title.ShouldEndWith("(recommended: collection)");
        task.Details.ShouldContain("no reply to 3 reminders");
        task.Details.ShouldContain("tasks done <id> --outcome collection|plan|extend|write-down");
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300");
        var entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "C-300", found!.CaseId));
        entries.ShouldContain(e => e.Entry.Metadata.GetValueOrDefault("recommendation") == "collection");
        var status = new StringWriter();
        (await world.Get<Receivables.Status.StatusService>().BuildAsync()).WriteText(status);
        status.ToString().ShouldContain($"escalation {task.TaskId} C-300: Recommendation: collection. Reasons: no reply to 3 reminders");
        status.ToString().ShouldContain("credit hold: C-300 since");

        var (_, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Collection, "Silent for months", null, Actors.Person("ola")));
        effect.ShouldContain("hand-over to a collection agency approved");
        entries = await world.Get<IEvidenceReader>().ReadCaseAsync(new EvidenceCaseRef(TestSettings.Creditor, "C-300", found.CaseId));
        entries.ShouldContain(e => e.Entry.Title == "Escalation decided: collection" && e.Entry.Actor == "person:ola");
    }

    [Fact]
    public async Task An_approved_handover_exports_the_claims_with_fees_interest_reminders_and_a_verifiable_evidence_bundle()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(KariOwes("12500.00"));
        await world.RunUntilAsync("2026-04-30");
        var task = (await DecisionTaskAsync(world)).ShouldNotBeNull();
        var dir = Path.Combine(world.Host.DataPath, "handover");

        var refused = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() => world.Get<HandoverExporter>().ExportAsync(TestSettings.Creditor, "C-300", dir));
        refused.Message.ShouldContain("No approved hand-over");

        await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Collection, "Silent for months", null, Actors.Person("ola")));
        var (claimFile, bundleFile, content) = await world.Get<HandoverExporter>().ExportAsync(TestSettings.Creditor, "C-300", dir);

        var claim = content.Claims.ShouldHaveSingleItem();
        claim.OpenPrincipal.ShouldBe(12_500m);
        claim.Fees.Count.ShouldBe(2, "a reminder fee and the collection notice fee");
        claim.InterestToDate.ShouldBeGreaterThan(0m);
        content.Reminders.Select(r => r.Level).ShouldBe(["1", "2", "3"]);
        content.Totals.Total.ShouldBe(content.Totals.Principal + content.Totals.Fees + content.Totals.Interest + content.Totals.Compensation);
        content.Approval.Recommendation.ShouldStartWith("Recommendation: collection");
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(claimFile)))
        {
            json.RootElement.GetProperty("format").GetString().ShouldBe(HandoverFile.Version);
        }

        await using var zip = File.OpenRead(bundleFile);
        EvidenceBundle.Verify(zip).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Extending_credit_needs_a_future_date_and_pauses_the_case_until_then()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(KariOwes("12500.00"));
        await world.RunUntilAsync("2026-04-30");
        var task = (await DecisionTaskAsync(world)).ShouldNotBeNull();
        var outcomes = world.Get<TaskOutcomes>();

        var error = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() => outcomes.CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Extend, null, null, Actors.Person("ola"))));
        error.Message.ShouldContain("--date");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, task.TaskId))!.IsOpen.ShouldBeTrue();

        var (_, effect) = await outcomes.CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Extend, "Gets until end of May", new DateOnly(2026, 5, 29), Actors.Person("ola")));

        effect.ShouldContain("paused until 2026-05-29");
        var found = await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300");
        found!.Pause.ShouldBe(PauseReason.Manual);
        found.PausedUntil.ShouldBe(new DateOnly(2026, 5, 29));
        await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() => outcomes.CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Collection, null, null, Actors.Person("ola"))));
    }

    [Fact]
    public async Task A_debtor_short_of_money_who_pays_in_part_is_recommended_a_plan_and_the_decision_requests_one()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-06");
        await world.UploadAsync(KariOwes("12500.00"));
        await world.RunUntilAsync("2026-01-12");
        await world.ReplyAsync("C-300", "kari@example.no",
            "Hei,\n\nJeg har dessverre likviditetsproblemer etter at jeg mistet jobben. Jeg ønsker å betale, men trenger en nedbetalingsordning. Kan jeg betale i avdrag?\n\nHilsen Kari");
        await world.RunUntilAsync("2026-02-02");
        world.SetDay("2026-02-03");
        await world.UploadAsync(KariOwes("10000.00"));

        await world.RunUntilAsync("2026-05-29");

        var task = (await DecisionTaskAsync(world)).ShouldNotBeNull();
        task.Title.ShouldEndWith("(recommended: plan)");
        task.Details.ShouldContain("liquidity problems");
        task.Details.ShouldContain("2500.00 NOK in part");
        task.Details.ShouldContain("only adds costs");

        var (_, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Plan, null, null, Actors.Person("ola")));
        effect.ShouldStartWith("arrangement requested");
    }
}
