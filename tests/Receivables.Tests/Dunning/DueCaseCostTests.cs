using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Dunning;

/// <summary>
/// What the daily cycle costs in storage operations on a day the ledger did not change (issue #18): each due case is
/// written once (case, due-index row and journal row in one transaction) and not read on its own (it comes with the due
/// index's range read, whose rows carry a copy of the case); the ledger lines, payments and open tasks are read per
/// shard, not per case; the call tasks a shard opens cost a fraction of an operation each. Counted on the storage
/// clients (every request once), on Azurite.
/// </summary>
public sealed class DueCaseCostTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>The tables of the tasks (opening a call task is work of its own, counted apart).</summary>
    private static readonly string[] TaskTables = [StorageNames.Tables.Tasks, StorageNames.Tables.TaskDebtors, StorageNames.Tables.TodayIndex];

    [Fact]
    public async Task An_unchanged_day_costs_one_storage_operation_per_due_case_beyond_the_shards_fixed_reads()
    {
        // Two creditors' days alike but for their size: what the larger costs more is what its extra due cases cost,
        // whatever the shard and the creditor's run cost once.
        var (small, large) = (Day(12), Day(48));
        await Task.WhenAll(small, large);
        var (s, l) = (await small, await large);

        s.Due.ShouldBe(12, "every debtor's friendly reminder falls due on the unchanged day");
        l.Due.ShouldBe(48);
        l.TasksOpened.ShouldBe(12, "every fourth debtor owes a large claim: a call task at the friendly reminder");
        var perCase = (double)(l.Operations - s.Operations) / (l.Due - s.Due);
        perCase.ShouldBeLessThanOrEqualTo(1.0, $"storage operations per due case beyond the fixed costs: its one transaction, no case read (small day: {s}; large day: {l})");
        s.TasksOpened.ShouldBe(3);
        var perTask = (double)(l.TaskOperations - s.TaskOperations) / (l.TasksOpened - s.TasksOpened);
        // A batch's debtors are listed seven per query and their debtor rows, tasks and Today rows are one transaction
        // each: nine more call tasks cost one more query (one storage operation per call task, or two, when listed or
        // indexed one at a time).
        perTask.ShouldBeLessThanOrEqualTo(0.25, $"a new call task: its debtor listed with six others in one query; its debtor row, the task and its Today row written with the shard's others, one transaction each; no ledger, payment or task read of its own (small day: {s}; large day: {l})");
    }

    private sealed record Cost(int Due, long Operations, int TasksOpened, long TaskOperations, string Breakdown)
    {
        public override string ToString() => $"{Due} due, {Operations} operations, {TasksOpened} task(s) opened with {TaskOperations}: {Breakdown}";
    }

    /// <summary>
    /// A creditor of <paramref name="debtors"/> consumers, each with one invoice due on Saturday 28 February (every fourth a
    /// large claim): Monday's cycle opens their cases (nothing due yet), and on the day the friendly reminders fall due,
    /// with no new ledger, one shard works them. Returns what that shard and the creditor's run cost.
    /// </summary>
    private static async Task<Cost> Day(int debtors)
    {
        var account = await TestHost.NewAccountAsync();
        var counter = new StorageOperationCounter { NameBatchTables = true };
        var clock = TestHost.ClockAt("2026-03-02T07:00:00Z");
        // One debtor at a time, as the bench counts: parallel debtors may race for a counter row and retry (real, but not per case).
        await using var host = await TestHost.StartHostAsync(new Dictionary<string, string?> { ["Receivables:Dunning:Scale:Parallelism"] = "1" }, s =>
        {
            s.RemoveAll<StorageClients>();
            s.AddSingleton(counter.Clients(account));
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(new RecordingSender());
        }, clock, connectionString: account);
        var rows = Enumerable.Range(1, debtors).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"K{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-02-14,2026-02-28,NOK,{(i % 4 == 0 ? "12000.00" : "1000.00")},{(i % 4 == 0 ? "12000.00" : "1000.00")},"));
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", LedgerKit.Canonical([.. rows]), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        var due = (await host.Get<ICaseStore>().GetAsync("acme", "K0001"))!.NextAction!.Value;
        due.ShouldBeGreaterThan(Monday, "nothing is due on Monday");

        clock.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        counter.Reset();
        (await host.Get<DunningPlanner>().PlanAsync(due, "acme", fanOut: true)).Plans.ShouldHaveSingleItem().Shards.ShouldBe(1);
        foreach (var shards in host.Get<QueueConsumers>().All.Where(c => c.Queue == StorageNames.Queues.DunningShard))
        {
            await shards.DrainAsync(CancellationToken.None);
        }

        var byKind = counter.ByKind;
        var progress = host.Get<ICycleProgressStore>();
        var latest = (await progress.GetLatestAsync("acme")).ShouldNotBeNull();
        latest.Date.ShouldBe(due);
        var run = await progress.GetAsync("acme", due, latest.Run);
        run.ShouldNotBeNull();
        run.Plan.Changed.ShouldBeFalse("the ledger did not change since Monday");
        run.Completed.ShouldBeTrue();
        var storage = byKind.Where(k => !k.Key.StartsWith("queue ", StringComparison.Ordinal)).ToList();
        var tasks = storage.Where(k => TaskTables.Any(t => k.Key.EndsWith(" " + t, StringComparison.Ordinal))).ToList();
        var opened = 0;
        await foreach (var task in host.Get<ITaskStore>().ListAsync("acme"))
        {
            opened += task.Kind == TaskKinds.CallDebtor ? 1 : 0;
        }

        return new Cost(
            run.Considered,
            storage.Sum(k => k.Value) - tasks.Sum(k => k.Value),
            opened,
            tasks.Sum(k => k.Value),
            string.Join(", ", storage.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
    }
}
