using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Status;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using static Receivables.Tests.Dunning.LadderWorld;

namespace Receivables.Tests.Dunning;

/// <summary>
/// One debtor the storage cannot hold never stops the others (issue #20, defect 1), and a reminder whose queue
/// message was lost is queued again by a rerun the same day, still sent once (defect 11). Real Table Storage on
/// Azurite; the ledger is set directly, as a row that slipped past the importer's checks would arrive.
/// </summary>
public sealed class CycleIsolationTests
{
    private static readonly string LongId = new('X', 5_000);

    private sealed class Rig(LocalHost host, StubLedger ledger, RecordingSender sender, FakeTimeProvider clock) : IAsyncDisposable
    {
        public LocalHost Host => host;

        public StubLedger Ledger => ledger;

        public RecordingSender Sender => sender;

        public FakeTimeProvider Clock => clock;

        public Task<int> DrainAsync() => host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        public async Task<List<WorkTask>> TasksAsync(string kind)
        {
            var tasks = new List<WorkTask>();
            await foreach (var task in host.Get<ITaskStore>().ListAsync("acme"))
            {
                if (task.Kind == kind)
                {
                    tasks.Add(task);
                }
            }

            return tasks;
        }

        public async Task<string> StatusTextAsync()
        {
            var report = await host.Get<StatusService>().BuildAsync(null, CancellationToken.None);
            using var text = new StringWriter();
            report.WriteText(text);
            return text.ToString();
        }

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }

    private static async Task<Rig> StartAsync()
    {
        var ledger = new StubLedger();
        var sender = new RecordingSender();
        var clock = TestHost.ClockAt("2026-03-02T07:00:00Z");
        var host = await TestHost.StartHostAsync(null, s =>
        {
            s.RemoveAll<ILedgerReader>();
            s.AddSingleton<ILedgerReader>(ledger);
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.RemoveAll<IMessageRenderer>();
            s.AddSingleton<IMessageRenderer, RecordingRenderer>();
        }, clock);
        return new Rig(host, ledger, sender, clock);
    }

    private static DebtorLedger Debtor(string id, string name, string email, params OpenInvoice[] invoices) =>
        new(new Debtor("acme", id, name, email, CustomerType.Consumer, null), invoices);

    [Fact]
    public async Task New_debtors_the_storage_refuses_are_skipped_with_a_task_and_every_other_debtor_gets_its_reminder()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Debtor("C-200", "Kari Nordmann", "kari@example.no", Invoice("1001", "2026-02-20", 1000m)));
        rig.Ledger.Set(Debtor(LongId, "Lang Id AS", "lang@example.no", Invoice("1002", "2026-02-20", 700m)));
        rig.Ledger.Set(Debtor("C-300", new string('N', 10 * 1024 * 1024), "stor@example.no", Invoice("1003", "2026-02-20", 900m)));
        rig.Ledger.Set(Debtor("C-400", "Ola Hansen", "ola@example.no", Invoice("1004", "2026-02-21", 300m)));

        var result = await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        rig.Sender.Sends.Select(s => s.ToAddress).Order().ShouldBe(["kari@example.no", "ola@example.no"]);
        result.Failures.Select(f => f.DebtorId).Order(StringComparer.Ordinal).ShouldBe(["C-300", LongId]);
        var tasks = await rig.TasksAsync(CycleErrorTasks.Kind);
        tasks.Select(t => t.DebtorId).Order(StringComparer.Ordinal).ShouldBe(["C-300", LongId]);
        tasks.ShouldAllBe(t => t.Title.Length < 200 && t.Details.Contains("could not process", StringComparison.Ordinal));
        var status = await rig.StatusTextAsync();
        status.ShouldContain("LAST CYCLE HAD FAILURES");
        status.ShouldContain("2 debtor(s) skipped with errors");

        // Every later run goes on too, and opens no second task for the same debtor and error.
        rig.Clock.Advance(TimeSpan.FromDays(1));
        rig.Ledger.Set(Debtor("C-500", "Per Berg", "per@example.no", Invoice("1005", "2026-02-22", 400m)));
        var next = await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-03"));
        await rig.DrainAsync();
        rig.Sender.Sends.Select(s => s.ToAddress).ShouldContain("per@example.no");
        next.Failures.Count.ShouldBe(2);
        (await rig.TasksAsync(CycleErrorTasks.Kind)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_known_debtor_whose_case_can_no_longer_be_stored_is_skipped_and_the_others_get_their_next_step()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Debtor("C-200", "Kari Nordmann", "kari@example.no", Invoice("1001", "2026-02-20", 1000m)));
        rig.Ledger.Set(Debtor("C-400", "Ola Hansen", "ola@example.no", Invoice("1004", "2026-02-20", 300m)));
        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        await rig.DrainAsync();
        rig.Sender.Sends.Count.ShouldBe(2);

        // Two weeks later both are due for the purring; Ola's name in the export has become 10 MiB.
        rig.Clock.Advance(TimeSpan.FromDays(16));
        rig.Ledger.TakenAt = rig.Clock.GetUtcNow();
        rig.Ledger.Set(Debtor("C-400", new string('O', 10 * 1024 * 1024), "ola@example.no", Invoice("1004", "2026-02-20", 300m)));
        var result = await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-18"));
        await rig.DrainAsync();

        rig.Sender.Sends.Count(s => s.ToAddress == "kari@example.no").ShouldBe(2);
        rig.Sender.Sends.Count(s => s.ToAddress == "ola@example.no").ShouldBe(1);
        result.Failures.ShouldHaveSingleItem().DebtorId.ShouldBe("C-400");
        (await rig.TasksAsync(CycleErrorTasks.Kind)).ShouldHaveSingleItem().DebtorId.ShouldBe("C-400");
    }

    [Fact]
    public async Task A_queued_shard_with_a_debtor_the_storage_refuses_is_retried_then_done_with_the_debtor_skipped()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Debtor("C-200", "Kari Nordmann", "kari@example.no", Invoice("1001", "2026-02-20", 1000m)));
        rig.Ledger.Set(Debtor(LongId, "Lang Id AS", "lang@example.no", Invoice("1002", "2026-02-20", 700m)));

        await rig.Host.Get<IDunningCycle>().RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldHaveSingleItem().ToAddress.ShouldBe("kari@example.no");
        var progress = (await rig.Host.Get<ICycleProgressStore>().GetAsync("acme", D("2026-03-02"), 1))!;
        progress.Completed.ShouldBeTrue("the creditor's run completes: the bad debtor does not hold it back");
        progress.Skipped.ShouldBe(1);
        (await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.Poison(StorageNames.Queues.DunningShard)).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
        (await rig.TasksAsync(CycleErrorTasks.Kind)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_rerun_the_same_day_queues_again_a_pending_reminder_whose_queue_message_is_gone_and_it_is_sent_once()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Debtor("C-200", "Kari Nordmann", "kari@example.no", Invoice("1001", "2026-02-20", 1000m)));
        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        // The host died after storing the decision: the queue message is lost.
        await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync();

        // A rerun at once leaves it: its message may still be in flight.
        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        await rig.DrainAsync();
        rig.Sender.Sends.ShouldBeEmpty();

        // Later the same day it is queued again and sent.
        rig.Clock.Advance(TimeSpan.FromMinutes(11));
        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        await rig.DrainAsync();

        rig.Sender.Sends.ShouldHaveSingleItem().IdempotencyKey.ShouldEndWith("2026-03-02");
        (await rig.Host.Get<ICaseStore>().GetAsync("acme", "C-200"))!.Pending.ShouldBeEmpty();
        (await rig.StatusTextAsync()).ShouldContain("reminders awaiting confirmation: 0");
    }

    [Fact]
    public async Task A_rerun_that_queues_a_reminder_whose_first_message_is_still_waiting_sends_one_email()
    {
        await using var rig = await StartAsync();
        rig.Ledger.Set(Debtor("C-200", "Kari Nordmann", "kari@example.no", Invoice("1001", "2026-02-20", 1000m)));
        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        rig.Clock.Advance(TimeSpan.FromMinutes(11));

        await rig.Host.Get<DunningCycle>().RunAsync(D("2026-03-02"));
        (await rig.Host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).PeekMessagesAsync(10)).Value.Length.ShouldBe(2);
        await rig.DrainAsync();

        var email = rig.Sender.Sends.ShouldHaveSingleItem();
        (await rig.Host.Get<IOutboundStore>().GetAsync("acme", email.IdempotencyKey))!.State.ShouldBe(OutboundStates.Archived);
        (await rig.Host.Get<ICaseStore>().GetAsync("acme", "C-200"))!.Pending.ShouldBeEmpty();
    }
}
