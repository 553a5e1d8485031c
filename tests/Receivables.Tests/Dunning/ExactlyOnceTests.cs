using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Dunning.LadderWorld;

namespace Receivables.Tests.Dunning;

/// <summary>The cycle and the send-reminder handler on Azurite, with recording doubles of the email and evidence features.</summary>
public sealed class ExactlyOnceTests
{
    private sealed class Rig(LocalHost host, StubLedger ledger, RecordingSender sender, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) : IAsyncDisposable
    {
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => clock;

        public LocalHost Host => host;

        public StubLedger Ledger => ledger;

        public RecordingSender Sender => sender;

        /// <summary>The case's entries in the real evidence archive (hash chain verified).</summary>
        public async Task<IReadOnlyList<EvidenceEntry>> EvidenceAsync(string debtorId)
        {
            var caseRef = new EvidenceCaseRef("acme", debtorId, DunningCase.CaseIdFor("acme", debtorId));
            var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(caseRef);
            report.Problems.ShouldBeEmpty();
            return [.. (await host.Get<IEvidenceReader>().ReadCaseAsync(caseRef)).Select(e => e.Entry)];
        }

        public DunningCycle Cycle => host.Get<DunningCycle>();

        public Task<int> DrainAsync() => host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }

    private static async Task<Rig> StartAsync(ISendStepHook? hook = null, IDictionary<string, string?>? settings = null, bool realEmail = false)
    {
        var ledger = new StubLedger();
        var sender = new RecordingSender();
        var clock = TestHost.ClockAt("2026-03-02T07:00:00Z");
        var host = await TestHost.StartHostAsync(settings, s =>
        {
            s.RemoveAll<ILedgerReader>();
            s.AddSingleton<ILedgerReader>(ledger);
            if (!realEmail)
            {
                s.RemoveAll<IEmailSender>();
                s.AddSingleton<IEmailSender>(sender);
                s.RemoveAll<IMessageRenderer>();
                s.AddSingleton<IMessageRenderer, RecordingRenderer>();
            }
            if (hook is not null)
            {
                s.RemoveAll<ISendStepHook>();
                s.AddSingleton(hook);
            }
        }, clock);
        return new Rig(host, ledger, sender, clock);
    }

    private static DebtorLedger Kari(params OpenInvoice[] invoices) =>
        new(new Debtor("acme", "C-200", "Kari Nordmann", "kari@example.no", CustomerType.Consumer, null), invoices);

    private static DebtorLedger Fjellbygg(params OpenInvoice[] invoices) =>
        new(new Debtor("acme", "B-100", "Fjellbygg AS", "post@fjellbygg.example", CustomerType.Business, "987654321"), invoices);

    [Fact]
    public async Task The_cycle_sends_one_reminder_per_debtor_listing_all_overdue_invoices()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m), Invoice("1002", "2026-02-23", 500m)));
        rig.Ledger.Set(Fjellbygg(Invoice("2001", "2026-03-10", 9000m)));

        var result = await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        result.RemindersQueued.ShouldBe(1);
        var email = rig.Sender.Sends.ShouldHaveSingleItem();
        email.ToAddress.ShouldBe("kari@example.no");
        email.TextBody.ShouldContain("1001, 1002");
        var view = await rig.Host.Get<ICaseActions>().GetAsync("acme", "C-200");
        view.ShouldNotBeNull();
        email.ReplyTo.ShouldBe($"regnskap+{view.ReplyToken}@acme.example");
        view.Stage.ShouldBe(CaseStages.Friendly);
        (await rig.Host.Get<ICaseActions>().FindByReplyTokenAsync(email.ReplyTo))!.DebtorId.ShouldBe("C-200");
        var messageId = (await rig.Host.Get<IOutboundStore>().GetAsync("acme", email.IdempotencyKey))!.MessageId!;
        (await rig.Host.Get<ICaseActions>().FindByMessageIdAsync(messageId))!.DebtorId.ShouldBe("C-200");
        (await rig.Host.Get<ICaseActions>().FindByEmailAsync("KARI@example.no")).ShouldHaveSingleItem().DebtorId.ShouldBe("C-200");
        (await rig.Host.Get<ICaseActions>().FindByEmailAsync("ola@example.no")).ShouldHaveSingleItem().DebtorId.ShouldBe("C-200");
        (await rig.Host.Get<ICaseActions>().FindByEmailAsync("kari@elsewhere.example")).ShouldBeEmpty();
        (await rig.EvidenceAsync("C-200")).Select(e => e.Kind).Order().ShouldBe([EvidenceKinds.Decision, EvidenceKinds.OutboundEmail]);
    }

    [Fact]
    public async Task Reminder_is_not_sent_twice_when_redelivered()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();
        var key = rig.Sender.Sends.ShouldHaveSingleItem().IdempotencyKey;

        await rig.Host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.SendReminder, new SendReminderMessage("acme", "C-200", key));
        await rig.Host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.SendReminder, new SendReminderMessage("acme", "C-200", key));
        await rig.DrainAsync();

        rig.Sender.Sends.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Replaying_the_cycle_for_the_same_date_sends_no_second_email()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));

        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();
        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        rig.Sender.Sends.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(SendSteps.IntentRecorded)]
    [InlineData(SendSteps.EmailSent)]
    [InlineData(SendSteps.SentRecorded)]
    [InlineData(SendSteps.Archived)]
    public async Task A_crash_at_any_step_of_sending_is_resolved_on_redelivery_without_a_duplicate_email(string step)
    {
        var crash = new CrashOnceAt(step);
        await using var rig = await StartAsync(crash);
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));

        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        crash.Crashed.ShouldBeTrue();
        var email = rig.Sender.Sends.ShouldHaveSingleItem();
        var record = await rig.Host.Get<IOutboundStore>().GetAsync("acme", email.IdempotencyKey);
        record!.State.ShouldBe(OutboundStates.Archived);
        (await rig.EvidenceAsync("C-200")).Count(e => e.Kind == EvidenceKinds.OutboundEmail).ShouldBe(1);
        (await rig.Host.Get<ICaseStore>().GetAsync("acme", "C-200"))!.Pending.ShouldBeEmpty();
        (await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.Poison(StorageNames.Queues.SendReminder)).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_the_real_templates_and_outbox_a_crash_after_sending_leaves_one_eml_file_as_proof()
    {
        await using var rig = await StartAsync(new CrashOnceAt(SendSteps.EmailSent), realEmail: true);
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m), Invoice("1002", "2026-02-23", 500m)));

        await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        var folder = rig.Host.Get<Microsoft.Extensions.Configuration.IConfiguration>()["Receivables:Email:OutboxPath"]!;
        var eml = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        var text = await File.ReadAllTextAsync(eml);
        text.ShouldContain("1001");
        text.ShouldContain("regnskap+");
        var key = Ladder.MessageKey("acme", "C-200", 1, D("2026-03-02"));
        (await rig.Host.Get<IOutboundStore>().GetAsync("acme", key))!.State.ShouldBe(OutboundStates.Archived);
        (await rig.EvidenceAsync("C-200")).Count(e => e.Kind == EvidenceKinds.OutboundEmail).ShouldBe(1);
    }

    [Fact]
    public async Task A_crash_after_the_decision_but_before_queueing_is_requeued_by_the_next_run()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        await rig.Cycle.RunAsync(D("2026-03-02"));
        // Lose the queued message, as if the host died between recording the decision and queueing it.
        await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync();

        await rig.Cycle.RunAsync(D("2026-03-03"));
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldHaveSingleItem().IdempotencyKey.ShouldEndWith("2026-03-02");
    }

    [Fact]
    public async Task A_duplicate_arriving_while_another_delivery_holds_the_message_sends_nothing_and_a_crashed_holder_is_taken_over_later()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        await rig.Cycle.RunAsync(D("2026-03-02"));
        var key = (await rig.Host.Get<ICaseStore>().GetAsync("acme", "C-200"))!.Pending.ShouldHaveSingleItem().Key;
        // Another delivery recorded the intent and is (as far as anyone knows) still sending.
        await rig.Host.Get<IOutboundStore>().ClaimAsync("acme", key, "C-200", "other-delivery", rig.Clock.GetUtcNow(), SendReminderHandler.Claim);

        await rig.DrainAsync();
        rig.Sender.Sends.ShouldBeEmpty();
        (await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.Poison(StorageNames.Queues.SendReminder)).PeekMessagesAsync(10)).Value.ShouldBeEmpty();

        // That delivery died: its claim runs out, and the next run re-queues the still-pending reminder.
        rig.Clock.Advance(TimeSpan.FromDays(1));
        await rig.Cycle.RunAsync(D("2026-03-03"));
        await rig.DrainAsync();
        rig.Sender.Sends.ShouldHaveSingleItem().IdempotencyKey.ShouldBe(key);
    }

    [Fact]
    public async Task With_collection_notices_handed_over_the_case_goes_to_a_person_with_a_task_and_an_archived_decision()
    {
        await using var rig = await StartAsync(settings: new Dictionary<string, string?> { ["Receivables:Dunning:CollectionNotice"] = "HandOver" });
        rig.Ledger.Set(Kari(Invoice("1001", "2026-01-15", 1000m)));

        foreach (var day in new[] { "2026-01-20", "2026-02-03", "2026-02-18" })
        {
            rig.Ledger.TakenAt = new DateTimeOffset(D(day).ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
            await rig.Cycle.RunAsync(D(day));
            await rig.DrainAsync();
        }

        rig.Sender.Sends.Select(e => e.CustomArgs["level"]).ShouldBe(["1", "2"]);
        (await rig.Host.Get<ICaseActions>().GetAsync("acme", "C-200"))!.Stage.ShouldBe(CaseStages.Manual);
        var tasks = new List<Receivables.Actions.WorkTask>();
        await foreach (var task in rig.Host.Get<Receivables.Actions.ITaskStore>().ListAsync("acme"))
        {
            tasks.Add(task);
        }

        tasks.ShouldHaveSingleItem().Kind.ShouldBe(Receivables.Actions.TaskKinds.DecideEscalation);
        (await rig.EvidenceAsync("C-200")).ShouldContain(e => e.Kind == EvidenceKinds.Decision && e.Actor == Actors.Rule && e.IdempotencyKey.StartsWith("dunning-handover|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_ledger_sends_nothing_and_status_says_why()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        rig.Ledger.TakenAt = DateTimeOffset.Parse("2026-02-25T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var result = await rig.Cycle.RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldBeEmpty();
        result.Notes.ShouldContain(n => n.Contains("stale", StringComparison.Ordinal) && n.Contains("MaxLedgerAgeDays", StringComparison.Ordinal));
        var status = (await rig.Host.Get<DunningStatusReader>().ReadAsync()).Single(c => c.CreditorId == "acme");
        status.Stale.ShouldBeTrue();
        status.StaleReason!.ShouldContain("5 days old");
    }

    [Fact]
    public async Task A_paused_case_gets_no_reminder_and_resumes_by_rule()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m), Invoice("1002", "2026-03-05", 200m)));
        await rig.Cycle.RunAsync(D("2026-02-23"));
        var actions = rig.Host.Get<ICaseActions>();

        await actions.PauseAsync("acme", "C-200", PauseReason.PromiseToPay, D("2026-03-06"), null, Actors.Person("ola"), "will pay Friday", "reply-1");
        await actions.PauseAsync("acme", "C-200", PauseReason.PromiseToPay, D("2026-03-06"), null, Actors.Person("ola"), "will pay Friday", "reply-1");
        for (var day = D("2026-02-24"); day <= D("2026-03-06"); day = day.AddDays(1))
        {
            await rig.Cycle.RunAsync(day);
        }

        await rig.DrainAsync();
        rig.Sender.Sends.ShouldBeEmpty();
        (await actions.GetAsync("acme", "C-200"))!.Pause.ShouldBe(PauseReason.PromiseToPay);
        (await rig.EvidenceAsync("C-200")).Count(e => e.IdempotencyKey == "reply-1").ShouldBe(1);

        rig.Ledger.TakenAt = DateTimeOffset.Parse("2026-03-09T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await rig.Cycle.RunAsync(D("2026-03-09"));
        await rig.DrainAsync();
        rig.Sender.Sends.ShouldHaveSingleItem().TextBody.ShouldContain("1001, 1002");
        (await actions.GetAsync("acme", "C-200"))!.Pause.ShouldBeNull();
    }

    [Fact]
    public async Task A_day_missed_while_the_host_was_down_is_caught_up_on_the_next_run()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        await rig.Cycle.RunAsync(D("2026-02-24"));

        // Host down Wed 25 Feb – Mon 2 Mar (the friendly reminder was due Wed 25 Feb).
        var result = await rig.Cycle.RunAsync(D("2026-03-03"));
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldHaveSingleItem();
        result.Notes.ShouldContain(n => n.Contains("caught up 4 missed business day(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paid_debtor_gets_nothing_even_when_the_reminder_was_already_queued()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Kari(Invoice("1001", "2026-02-20", 1000m)));
        await rig.Cycle.RunAsync(D("2026-03-02"));

        rig.Ledger.Remove("C-200");
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldBeEmpty();
        (await rig.Host.Get<ICaseStore>().GetAsync("acme", "C-200"))!.Pending.ShouldBeEmpty();
    }
}
