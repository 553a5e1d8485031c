using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Email.Storage;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Handover;
using Receivables.Ledger;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Dunning.LadderWorld;

namespace Receivables.Tests.Dunning;

/// <summary>
/// A reminder that cannot be sent stops the ladder (issue #20, defect 2): through the real cycle, send-reminder handler,
/// outbox sender, escalation gate and hand-over on Azurite; the ledger is a stub so that data the importer may refuse
/// one day still reaches sending.
/// </summary>
public sealed class SendFailureTests
{
    private static async Task<(LeversWorld World, StubLedger Ledger)> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var ledger = new StubLedger { TakenAt = DateTimeOffset.Parse("2026-01-05T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };
        var world = await LeversWorld.StartAsync("2026-01-06", settings, s =>
        {
            s.RemoveAll<ILedgerReader>();
            s.AddSingleton<ILedgerReader>(ledger);

            // The real sender: it writes the MIME, so an address MIME refuses fails as it does in production.
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<OutboxEmailSender>());
        });
        return (world, ledger);
    }

    private static DebtorLedger Kari(string email, params OpenInvoice[] invoices) =>
        new(new Debtor(TestSettings.Creditor, "C-300", "Kari Nordmann", email, CustomerType.Consumer, null), invoices);

    private static async Task<List<WorkTask>> TasksAsync(LeversWorld world, string kind)
    {
        var found = new List<WorkTask>();
        await foreach (var task in world.Get<ITaskStore>().ListAsync(TestSettings.Creditor, openOnly: false))
        {
            if (task.Kind == kind)
            {
                found.Add(task);
            }
        }

        return found;
    }

    private static async Task<IReadOnlyList<EvidenceEntry>> EvidenceAsync(LeversWorld world, string debtorId)
    {
        var caseRef = new EvidenceCaseRef(TestSettings.Creditor, debtorId, DunningCase.CaseIdFor(TestSettings.Creditor, debtorId));
        return [.. (await world.Get<IEvidenceReader>().ReadCaseAsync(caseRef)).Select(e => e.Entry)];
    }

    [Fact]
    public async Task A_reminder_to_an_address_with_an_injected_header_is_not_sent_holds_the_case_and_never_reaches_collection()
    {
        var (world, ledger) = await StartAsync();
        await using var _ = world;
        ledger.Set(Kari("kari@example.no\r\nBcc: spy@evil.example", Invoice("3001", "2026-01-05", 12_500m)));

        await world.RunUntilAsync("2026-04-30");

        var failed = (await TasksAsync(world, TaskKinds.SendFailed)).ShouldHaveSingleItem("one task for the first level, and no further level was tried");
        failed.IsOpen.ShouldBeTrue();
        failed.Title.ShouldBe("Reminder (level 1) to Kari Nordmann could not be sent");
        failed.Details.ShouldContain("invoice(s) 3001");
        failed.Details.ShouldContain("The case is held");
        failed.Details.ShouldNotContain("\n");
        (await TasksAsync(world, TaskKinds.DecideEscalation)).ShouldBeEmpty("a debtor who was never reached does not reach the manual stage");

        var found = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300")).ShouldNotBeNull();
        found.Pause.ShouldBe(PauseReason.SendFailed);
        found.Stage.ShouldBe(CaseStages.Current, "the first level was not reached: its message never went out");
        var entries = await EvidenceAsync(world, "C-300");
        entries.ShouldNotContain(e => e.Kind == EvidenceKinds.OutboundEmail, string.Join("\n", entries.Select(e => $"{e.Kind} {e.Title} {e.Actor} {e.OccurredAt:O}")));
        entries.ShouldContain(e => e.Title == "Reminder level 1 could not be sent; case held");
        var poison = world.Get<StorageClients>().Queue(StorageNames.Queues.Poison(StorageNames.Queues.SendReminder));
        (await poison.PeekMessagesAsync(maxMessages: 10)).Value.ShouldBeEmpty("the failure is handled, not left in the poison queue");
    }

    [Fact]
    public async Task After_a_failed_send_a_person_fixes_the_address_and_the_ladder_sends_the_step_again()
    {
        var (world, ledger) = await StartAsync();
        await using var _ = world;
        ledger.Set(Kari("kari@example.no\r\nBcc: spy@evil.example", Invoice("3001", "2026-01-05", 12_500m)));
        await world.RunUntilAsync("2026-01-20");
        var failed = (await TasksAsync(world, TaskKinds.SendFailed)).ShouldHaveSingleItem();

        ledger.Set(Kari("kari@example.no", Invoice("3001", "2026-01-05", 12_500m)));
        var (_, effect) = await world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, failed.TaskId, new TaskOutcome(SendFailures.Retry, "Address corrected in the ERP", null, Actors.Person("ola")));
        effect.ShouldContain("the case resumes");
        await world.RunUntilAsync("2026-01-21");

        var found = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300")).ShouldNotBeNull();
        found.Pause.ShouldBeNull();
        found.Stage.ShouldBe(CaseStages.Friendly);
        (await EvidenceAsync(world, "C-300")).Count(e => e.Kind == EvidenceKinds.OutboundEmail).ShouldBe(1);
    }

    [Fact]
    public async Task A_debtor_who_pays_while_a_failed_reminder_holds_the_case_closes_the_task_and_the_hold()
    {
        var (world, ledger) = await StartAsync();
        await using var _ = world;
        ledger.Set(Kari("kari@example.no\r\nBcc: spy@evil.example", Invoice("3001", "2026-01-05", 12_500m)));
        await world.RunUntilAsync("2026-01-20");

        ledger.Set(Kari("kari@example.no\r\nBcc: spy@evil.example", Invoice("3001", "2026-01-05", 12_500m, open: 0m)));
        await world.RunUntilAsync("2026-01-22");

        var task = (await TasksAsync(world, TaskKinds.SendFailed)).ShouldHaveSingleItem();
        task.IsOpen.ShouldBeFalse();
        task.Outcome.ShouldBe("paid");
        (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300")).ShouldNotBeNull().Pause.ShouldBeNull();
    }

    [Fact]
    public async Task A_letter_that_cannot_be_computed_holds_the_case_and_a_letter_posted_instead_counts_as_the_level()
    {
        // Only rate rows from 2026: the claim's interest from November 2025 cannot be computed. Every row index is
        // overridden, because the host also reads local.settings(.sample).json when run from the repository (the
        // launcher sets RECEIVABLES_HOME), and that file has earlier rows at other indexes.
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < 40; i++)
        {
            settings[$"Receivables:Dunning:Rates:{i}:From"] = "2026-01-01";
            settings[$"Receivables:Dunning:Rates:{i}:Rate"] = "12.00";
            settings[$"Receivables:Dunning:Rates:{i}:Compensation"] = "460";
        }

        var (world, ledger) = await StartAsync(settings);
        await using var _ = world;
        ledger.Set(Kari("kari@example.no", Invoice("3001", "2025-11-20", 12_500m)));

        await world.RunUntilAsync("2026-04-30");

        var entries = await EvidenceAsync(world, "C-300");
        entries.ShouldNotContain(e => e.Kind == EvidenceKinds.OutboundEmail, string.Join("\n", entries.Select(e => $"{e.Kind} {e.Title} {e.Actor} {e.OccurredAt:O}")));
        var failed = (await TasksAsync(world, TaskKinds.SendFailed)).ShouldHaveSingleItem();
        failed.Details.ShouldContain("No late-payment rate configured for 2025-11-21");
        (await TasksAsync(world, TaskKinds.DecideEscalation)).ShouldBeEmpty();
        var found = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300")).ShouldNotBeNull();
        found.Stage.ShouldBe(CaseStages.Current);
        found.Pause.ShouldBe(PauseReason.SendFailed);

        var outcomes = world.Get<TaskOutcomes>();
        var missingDate = await Should.ThrowAsync<ReceivablesException>(() => outcomes.CompleteAsync(TestSettings.Creditor, failed.TaskId, new TaskOutcome(SendFailures.SentOtherChannel, null, null, Actors.Person("ola"))));
        missingDate.Message.ShouldContain("--date");
        var (_, effect) = await outcomes.CompleteAsync(TestSettings.Creditor, failed.TaskId, new TaskOutcome(SendFailures.SentOtherChannel, "Posted a reminder by hand", new DateOnly(2026, 4, 30), Actors.Person("ola")));

        effect.ShouldContain("level 1 counted as sent on 2026-04-30 by another channel");
        found = (await world.Get<ICaseActions>().GetAsync(TestSettings.Creditor, "C-300")).ShouldNotBeNull();
        found.Stage.ShouldBe(CaseStages.Friendly);
        found.Pause.ShouldBeNull();
        (await EvidenceAsync(world, "C-300")).ShouldContain(e => e.Title == "Reminder level 1 sent by another channel on 2026-04-30 (person:ola)");
    }

    [Fact]
    public async Task Without_an_inkassovarsel_the_gate_refuses_collection_and_the_handover_is_refused_with_the_reason()
    {
        // A creditor's ladder with one reminder and then a person: no inkassovarsel ever goes out.
        var (world, ledger) = await StartAsync(new Dictionary<string, string?>
        {
            ["Receivables:Dunning:Policies:b2c:Levels:0:Stage"] = CaseStages.Reminder,
            ["Receivables:Dunning:Policies:b2c:Levels:0:Template"] = MessageTemplates.Reminder,
            ["Receivables:Dunning:Policies:b2c:Levels:0:DaysAfterDue"] = "14",
            ["Receivables:Dunning:Policies:b2c:Levels:0:Fee"] = "Reminder",
            ["Receivables:Dunning:Policies:b2c:Levels:0:DeadlineDays"] = "14",
            ["Receivables:Dunning:Policies:b2c:Levels:1:Stage"] = CaseStages.Manual,
            ["Receivables:Dunning:Policies:b2c:Levels:1:DaysAfterPrevious"] = "15",
        });
        await using var _ = world;
        ledger.Set(Kari("kari@example.no", Invoice("3001", "2026-01-05", 12_500m)));

        await world.RunUntilAsync("2026-03-02");

        var task = (await TasksAsync(world, TaskKinds.DecideEscalation)).ShouldHaveSingleItem();
        task.Title.ShouldNotContain("recommended: collection");
        task.Details.ShouldContain("collection is refused: no inkassovarsel (inkassoloven § 9) or betalingsoppfordring (§ 10) has been sent");
        var refused = await Should.ThrowAsync<ReceivablesException>(() => world.Get<TaskOutcomes>().CompleteAsync(TestSettings.Creditor, task.TaskId, new TaskOutcome(EscalationOutcomes.Collection, null, null, Actors.Person("ola"))));
        refused.Message.ShouldContain("Collection refused for debtor 'C-300': no inkassovarsel");
        (await world.Get<ITaskStore>().GetAsync(TestSettings.Creditor, task.TaskId))!.IsOpen.ShouldBeTrue();

        // An approval recorded before the notices were checked does not get the claim to an agency either.
        await world.Get<ITaskStore>().CompleteAsync(TestSettings.Creditor, task.TaskId, EscalationOutcomes.Collection, "approved earlier");
        var dir = Path.Combine(world.Host.DataPath, "handover");
        var export = await Should.ThrowAsync<ReceivablesException>(() => world.Get<HandoverExporter>().ExportAsync(TestSettings.Creditor, "C-300", dir));
        export.Message.ShouldContain("Debtor 'C-300' cannot be handed over to collection: no inkassovarsel (inkassoloven § 9)");
        Directory.Exists(dir).ShouldBeFalse("nothing is written for a refused hand-over");
    }
}
