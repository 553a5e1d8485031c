using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Tests.Dunning;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Contact;

/// <summary>
/// The call tasks a shard owes are opened together (one table transaction for the tasks, one for their Today rows),
/// after the steps are stored, and none is lost when the shard fails half-way and the queue retries it.
/// </summary>
public sealed class CallTasksInShardTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>Fails once with a passing storage fault (server busy) on the first small claim's reminder after three large claims' reminders.</summary>
    private sealed class BusyOnce : IDunningStepObserver
    {
        private int large;
        private int failed;

        public bool Failed => failed > 0;

        public Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
        {
            if (step.SentTemplate is null)
            {
                return Task.CompletedTask; // no reminder on this step
            }

            if (step.Lines.Invoices.Sum(i => i.OpenAmount) >= 10_000m)
            {
                Interlocked.Increment(ref large);
            }
            else if (large >= 3 && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new Azure.RequestFailedException(503, "simulated: the storage is busy");
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_shard_that_fails_half_way_still_opens_the_call_tasks_of_the_debtors_it_decided_and_its_retry_opens_the_rest_once()
    {
        var busy = new BusyOnce();
        var sender = new RecordingSender();
        var clock = TestHost.ClockAt("2026-03-02T07:00:00Z");
        await using var host = await TestHost.StartHostAsync(new Dictionary<string, string?> { ["Receivables:Dunning:Scale:Parallelism"] = "1" }, s =>
        {
            s.RemoveAll<IEmailSender>();
            s.AddSingleton<IEmailSender>(sender);
            s.AddSingleton<IDunningStepObserver>(busy);
        }, clock);

        // 30 consumers, every other one a large claim (a call task at the friendly reminder), all due Saturday 28 February.
        var rows = Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"K{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-02-14,2026-02-28,NOK,{(i % 2 == 0 ? "12000.00" : "1000.00")},{(i % 2 == 0 ? "12000.00" : "1000.00")},"));
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", LedgerKit.Canonical([.. rows]), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        var due = (await host.Get<ICaseStore>().GetAsync("acme", "K0001"))!.NextAction!.Value;
        busy.Failed.ShouldBeFalse("nothing was due on Monday");

        // The friendly reminders' day, the ledger unchanged: the shard fails half-way once and is retried.
        clock.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        await host.Get<IDunningCycle>().RunAsync(due);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        busy.Failed.ShouldBeTrue("the shard failed once");
        var calls = new List<WorkTask>();
        await foreach (var task in host.Get<ITaskStore>().ListAsync("acme"))
        {
            calls.AddRange(task.Kind == TaskKinds.CallDebtor ? [task] : []);
        }

        calls.Select(c => c.DebtorId ?? "").Order().ShouldBe(Enumerable.Range(1, 15).Select(i => string.Create(CultureInfo.InvariantCulture, $"K{i * 2:D4}")),
            "every large claim has its call task once: those decided before the failure were opened before the retry, the rest by it");
        (await host.Get<ITaskStore>().CountOpenAsync("acme")).ShouldBe(15);
        sender.Sends.Count.ShouldBe(30, "each friendly reminder sent once");
    }
}
