using System.Collections.Concurrent;
using System.Globalization;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Common;
using Receivables.Creditors;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Portfolio;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Dunning;

/// <summary>
/// The cycle fanned out: the timer plans shards of debtors, queue consumers (on one or several hosts) work them, and
/// the creditor's run completes once. Real ledger importer, real Table and Queue storage on Azurite.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static readonly Dictionary<string, string?> SmallShards = new()
    {
        ["Receivables:Dunning:Scale:DebtorsPerShard"] = "6",
        ["Receivables:Local:Queues:ShardConsumers"] = "2",
    };

    /// <summary>
    /// Observers that record what the cycle told them (optionally failing once on one debtor's step, optionally waiting on
    /// the first step until <paramref name="firstStep"/> completes: another host has started too).
    /// </summary>
    private sealed class Recorder(string? failOnceFor = null, Func<Task>? firstStep = null) : IDunningStepObserver
    {
        private int failed;
        private int started;

        public ConcurrentQueue<string> Steps { get; } = new();

        public ConcurrentQueue<(string CreditorId, DateOnly Date, int StepsSeen)> Completions { get; } = new();

        public bool Failed => failed > 0;

        public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
        {
            if (firstStep is not null && Interlocked.Exchange(ref started, 1) == 0)
            {
                await firstStep();
            }

            await Task.Delay(5, cancellationToken);
            if (step.DebtorId == failOnceFor && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new InvalidOperationException("simulated crash while working " + step.DebtorId);
            }

            Steps.Enqueue(step.DebtorId);
        }

        public Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken)
        {
            Completions.Enqueue((creditorId, date, Steps.Count));
            return Task.CompletedTask;
        }
    }

    /// <summary>The product's queue, except that each shard message takes a while to send (a planner queueing many shards).</summary>
    private sealed class SlowShardQueue(IMessageQueue inner) : IMessageQueue
    {
        public TaskCompletionSource FirstShardQueued { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync<T>(string queue, T message, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
        {
            if (queue == StorageNames.Queues.DunningShard)
            {
                FirstShardQueued.TrySetResult();
                await Task.Delay(150, cancellationToken);
            }

            await inner.SendAsync(queue, message, visibilityDelay, cancellationToken);
        }
    }

    private static async Task<LocalHost> HostAsync(RecordingSender sender, Recorder recorder, string? connectionString = null, Action<IServiceCollection>? services = null) =>
        await TestHost.StartHostAsync(SmallShards, s =>
        {
            services?.Invoke(s);
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.RemoveAll<IMessageRenderer>();
            s.AddSingleton<IMessageRenderer, RecordingRenderer>();
            s.AddSingleton<IDunningStepObserver>(recorder);
        }, TestHost.ClockAt("2026-03-02T07:00:00Z"), connectionString: connectionString);

    /// <summary>A ledger of <paramref name="debtors"/> consumers, each with one invoice three weeks overdue (all due a friendly reminder).</summary>
    private static string Overdue(int debtors, string prefix = "K") => LedgerKit.Canonical([.. Enumerable.Range(1, debtors)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-01-10,2026-02-09,NOK,1000.00,1000.00,"))]);

    private static async Task<List<QueueMessage>> PeekShardsAsync(LocalHost host)
    {
        var queue = host.Get<StorageClients>().Queue(StorageNames.Queues.DunningShard);
        return [.. (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value];
    }

    [Fact]
    public async Task Planning_the_same_day_twice_queues_each_shard_once()
    {
        var recorder = new Recorder();
        await using var host = await HostAsync(new RecordingSender(), recorder);
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", Overdue(40), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);

        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<IDunningCycle>().RunAsync(Monday);

        var messages = await PeekShardsAsync(host);
        var shards = messages.Select(m => System.Text.Json.JsonSerializer.Deserialize<DunningShardMessage>(m.Body.ToString(), Json.Options)!).ToList();
        shards.Count.ShouldBe(8, "40 debtors at about 6 per shard: 8 shards (a power of two), each queued once");
        shards.Select(s => s.Shard).Order().ShouldBe(Enumerable.Range(0, 8));
        shards.ShouldAllBe(s => s.CreditorId == "acme" && s.Date == Monday && s.Shards == 8);
        recorder.Steps.ShouldBeEmpty("the timer only plans");
    }

    [Fact]
    public async Task Every_shard_of_a_run_carries_the_planned_snapshot_and_policy_names_so_a_change_mid_run_splits_nothing()
    {
        await using var host = await HostAsync(new RecordingSender(), new Recorder());
        await host.Get<CreditorRegistry>().AddAsync("nordfisk", new CreditorChange(Name: "Nordfisk AS", Email: "regnskap@nordfisk.example", OrgNumber: "912345678", BankAccount: "12345678903", ConsumerPolicy: "b2b"));
        (await LedgerKit.DropAsync(host, "nordfisk/ledger.csv", Overdue(40, "N"), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        var snapshot = (await host.Get<ILedgerReader>().GetLatestSnapshotAsync("nordfisk")).ShouldNotBeNull();

        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<CreditorRegistry>().UpdateAsync("nordfisk", new CreditorChange(ConsumerPolicy: "b2c"));

        var shards = (await PeekShardsAsync(host)).Select(m => System.Text.Json.JsonSerializer.Deserialize<DunningShardMessage>(m.Body.ToString(), Json.Options)!).ToList();
        shards.Count.ShouldBe(8);
        shards.ShouldAllBe(s => s.Snapshot != null && s.Snapshot.SnapshotId == snapshot.SnapshotId && s.Snapshot.Debtors == 40, "the shards need not read the snapshot's description");
        shards.ShouldAllBe(s => s.Policies == new PlannedPolicies(null, "b2b"), "the names as planned, for every shard, though the creditor changed after planning");
        shards[0].Policies!.ToOptions()!.Consumer.ShouldBe("b2b");
        new PlannedPolicies(null, null).ToOptions().ShouldBeNull("no names in the registry: the dunning settings' choice");
    }

    [Fact]
    public async Task A_run_that_completes_after_a_later_days_run_leaves_the_later_day_as_the_last_cycle_date()
    {
        await using var host = await HostAsync(new RecordingSender(), new Recorder());
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", Overdue(12), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        (await host.Get<ICaseStore>().GetRunStateAsync("acme"))!.LastCycleDate.ShouldBe(Monday, "written by the completion without a read: unchanged since planning");

        // Tuesday is planned and queued; Wednesday runs here and now and completes first; then Tuesday's shards are worked.
        var tuesday = Monday.AddDays(1);
        await host.Get<IDunningCycle>().RunAsync(tuesday);
        await host.Get<DunningCycle>().RunAsync(tuesday.AddDays(1));
        (await host.Get<ICaseStore>().GetRunStateAsync("acme"))!.LastCycleDate.ShouldBe(tuesday.AddDays(1));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        var progress = host.Get<ICycleProgressStore>();
        (await progress.GetAsync("acme", tuesday, 1))!.Completed.ShouldBeTrue("Tuesday's run completed");
        (await host.Get<ICaseStore>().GetRunStateAsync("acme"))!.LastCycleDate.ShouldBe(tuesday.AddDays(1), "the last cycle date never moves back");
    }

    [Fact]
    public async Task A_second_timer_that_fires_while_the_first_is_still_queueing_does_not_queue_the_shards_again()
    {
        var account = await TestHost.NewAccountAsync();
        SlowShardQueue? slow = null;
        await using var a = await HostAsync(new RecordingSender(), new Recorder(), account, s =>
        {
            s.RemoveAll<IMessageQueue>();
            s.AddSingleton<IMessageQueue>(sp => slow = new SlowShardQueue(ActivatorUtilities.CreateInstance<StorageMessageQueue>(sp)));
        });
        await using var b = await HostAsync(new RecordingSender(), new Recorder(), account);
        (await LedgerKit.DropAsync(a, "acme/ledger.csv", Overdue(40), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);

        // Host A's timer plans the day and starts queueing its 8 shards; host B's timer fires for the same slot meanwhile.
        var planning = a.Get<IDunningCycle>().RunAsync(Monday);
        await slow.ShouldNotBeNull().FirstShardQueued.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await b.Get<IDunningCycle>().RunAsync(Monday);
        await planning;

        (await PeekShardsAsync(a)).Count.ShouldBe(8, "each shard is queued once: the second timer waited for the first");
        second.Notes.ShouldContain(n => n.Contains("is planned already"));
    }

    [Fact]
    public async Task Two_hosts_on_one_Azurite_split_the_shards_and_send_each_reminder_once()
    {
        var account = await TestHost.NewAccountAsync();
        var sender = new RecordingSender();

        // Each host's first shard waits (up to half a minute) until the other host has started one, so that a busy
        // machine that starts one host late cannot let the other work every shard alone.
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Meet(TaskCompletionSource mine, TaskCompletionSource other)
        {
            mine.TrySetResult();
            await Task.WhenAny(other.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        }

        var first = new Recorder(firstStep: () => Meet(aStarted, bStarted));
        var second = new Recorder(firstStep: () => Meet(bStarted, aStarted));
        await using var a = await HostAsync(sender, first, account);
        await using var b = await HostAsync(sender, second, account);
        (await LedgerKit.DropAsync(a, "acme/ledger.csv", Overdue(40), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);

        // Both hosts' timers fire for the slot; both drain the queues at the same time.
        await Task.WhenAll(a.Get<IDunningCycle>().RunAsync(Monday), b.Get<IDunningCycle>().RunAsync(Monday));
        await Task.WhenAll(a.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None), b.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None));
        await a.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        first.Steps.ShouldNotBeEmpty("host A worked some shards");
        second.Steps.ShouldNotBeEmpty("host B worked some shards");
        first.Steps.Concat(second.Steps).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => $"K{i:D4}"), "each due case was worked exactly once");
        sender.Sends.Count.ShouldBe(40);
        sender.Sends.Select(s => s.ToAddress).Distinct().Count().ShouldBe(40, "no debtor got a second email");
        first.Completions.Concat(second.Completions).ShouldHaveSingleItem().CreditorId.ShouldBe("acme");
        var progress = await a.Get<ICycleProgressStore>().GetAsync("acme", Monday, 1);
        progress.ShouldNotBeNull();
        progress.ToString().ShouldStartWith("cycle 2026-03-02: 8/8 shards done, 0 failed, 40 reminders queued");
        var portfolio = await b.Get<IPortfolioStore>().GetAsync("acme");
        portfolio!.Index.SentByDay["2026-03-02"].ShouldBe(40, "the workspace counts every reminder of the day, whichever host worked its shard");
    }

    [Fact]
    public async Task A_failing_shard_is_retried_and_the_creditors_completion_waits_for_it()
    {
        var sender = new RecordingSender();
        var recorder = new Recorder(failOnceFor: "K0007");
        await using var host = await HostAsync(sender, recorder);
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", Overdue(40), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);

        // Work shard by shard until the one holding K0007 fails (it is left on the queue for the retry).
        for (var round = 0; round < 20 && !recorder.Failed; round++)
        {
            foreach (var consumer in host.Get<QueueConsumers>().All)
            {
                await consumer.DrainOnceAsync(CancellationToken.None);
            }
        }

        var progress = host.Get<ICycleProgressStore>();
        var midway = await progress.GetAsync("acme", Monday, 1);
        recorder.Failed.ShouldBeTrue();
        midway!.Completed.ShouldBeFalse("a shard has not finished");
        recorder.Completions.ShouldBeEmpty();

        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        var done = await progress.GetAsync("acme", Monday, 1);
        done!.Done.ShouldBe(8);
        done.Completed.ShouldBeTrue();
        var completion = recorder.Completions.ShouldHaveSingleItem();
        completion.StepsSeen.ShouldBe(recorder.Steps.Count, "the completion ran after the retried shard's cases");
        sender.Sends.Count(s => s.ToAddress == "kunde7@example.no").ShouldBe(1, "the retried shard sent its reminder once");
        sender.Sends.Count.ShouldBe(40);
    }

    [Fact]
    public async Task The_per_creditor_observers_run_exactly_once_however_often_a_shard_is_delivered()
    {
        var recorder = new Recorder();
        await using var host = await HostAsync(new RecordingSender(), recorder);
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", Overdue(40), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        var plan = (await host.Get<ICycleProgressStore>().GetAsync("acme", Monday, 1))!.Plan;

        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        for (var shard = 0; shard < plan.Shards; shard++)
        {
            await host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.DunningShard, plan.Message(shard));
        }

        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        recorder.Completions.ShouldHaveSingleItem().ShouldBe(("acme", Monday, 40));
        recorder.Steps.Count.ShouldBe(40, "a shard already done is not worked again");
        (await host.Get<ICaseStore>().GetRunStateAsync("acme"))!.LastCycleDate.ShouldBe(Monday);
    }

    [Fact]
    public async Task A_creditor_added_at_run_time_is_picked_up_by_the_next_cycle_without_restart()
    {
        var sender = new RecordingSender();
        await using var host = await HostAsync(sender, new Recorder());
        var taken = new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

        var refused = await LedgerKit.DropAsync(host, "nordfisk/ledger.csv", Overdue(3, "N"), taken);
        refused.Result.ShouldBe(LedgerUploadResult.Rejected);
        (await LedgerKit.ReportAsync(host, refused)).ShouldContain("'nordfisk' is not one");

        var bad = await Should.ThrowAsync<ReceivablesException>(() => host.Get<CreditorRegistry>().AddAsync("nordfisk", new CreditorChange(Name: "Nordfisk AS", Email: "not-an-address", BankAccount: "123")));
        bad.Message.ShouldContain("Email");
        bad.Message.ShouldContain("BankAccount");
        await host.Get<CreditorRegistry>().AddAsync("nordfisk", new CreditorChange(Name: "Nordfisk AS", Email: "regnskap@nordfisk.example", OrgNumber: "912345678", BankAccount: "12345678903"));

        (await LedgerKit.DropAsync(host, "nordfisk/ledger-2.csv", Overdue(3, "N"), taken.AddMinutes(1))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        sender.Sends.Count(s => s.ReplyTo!.EndsWith("@nordfisk.example", StringComparison.Ordinal)).ShouldBe(3);
        (await host.Get<Receivables.Status.StatusService>().BuildAsync(Monday)).Creditors.Select(c => c.CreditorId).ShouldContain("nordfisk");

        await host.Get<CreditorRegistry>().RetireAsync("nordfisk");
        (await host.Get<ICreditorDirectory>().ActiveAsync()).Keys.ShouldNotContain("nordfisk");
    }

    [Fact]
    public void Shards_cut_the_hash_space_into_contiguous_ranges_that_cover_every_debtor_once()
    {
        foreach (var shards in new[] { 1, 2, 8, 16, 64, 256 })
        {
            var ranges = Enumerable.Range(0, shards).Select(k => DebtorShards.Range(k, shards)).ToList();
            ranges[0].From.ShouldBe(0UL);
            ranges[^1].To.ShouldBe(1UL << 32);
            for (var k = 1; k < shards; k++)
            {
                ranges[k].From.ShouldBe(ranges[k - 1].To);
            }

            foreach (var id in Enumerable.Range(0, 500).Select(i => "D" + i.ToString(CultureInfo.InvariantCulture)))
            {
                var hash = DebtorShards.Hash(id);
                var shard = DebtorShards.ShardOf(id, shards);
                (hash >= ranges[shard].From && hash < ranges[shard].To).ShouldBeTrue();
                DebtorShards.BucketsOf(shard, shards).ShouldContain(DebtorShards.BucketOf(id));
            }
        }

        var counts = Enumerable.Range(0, 10_000).GroupBy(i => DebtorShards.ShardOf("C" + i.ToString("D6", CultureInfo.InvariantCulture), 16)).Select(g => g.Count()).ToList();
        counts.Count.ShouldBe(16);
        counts.ShouldAllBe(c => c > 500 && c < 750, "sequential ids spread evenly");
    }
}
