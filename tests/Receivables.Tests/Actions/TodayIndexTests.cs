using Azure.Data.Tables;
using Receivables.Actions;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Actions;

/// <summary>Today reads a page of the open tasks from the Today index; the index keeps the order Today always had.</summary>
public sealed class TodayIndexTests
{
    private static readonly string[] Creditors = ["acme", "beta"];

    private static readonly string[] Kinds =
        [TaskKinds.CallDebtor, TaskKinds.ContactChange, TaskKinds.ReviewDispute, "some-new-kind", TaskKinds.ApprovePlan, Receivables.Payments.PaymentTaskKinds.Overpayment];

    private static readonly string?[] Priorities = [TaskPriorities.High, TaskPriorities.Normal, TaskPriorities.Low, null];

    private static readonly decimal?[] Amounts = [25_000m, 1_200.50m, 1_200.49m, null, 0m, -300m, 10_000_000m, 99.9999m];

    /// <summary>The order Today had when it sorted every open task on each view.</summary>
    private static List<WorkTask> AsTodaySortedThem(IEnumerable<WorkTask> open) =>
    [
        .. open
            .OrderBy(t => TaskPriorities.Rank(t.Facts.Priority))
            .ThenBy(t => t.Facts.DueDate ?? DateOnly.MaxValue)
            .ThenBy(t => TaskUrgency.KindRank(t.Kind))
            .ThenByDescending(t => t.Facts.Amount ?? 0m)
            .ThenBy(t => t.CreatedAt)
            .ThenBy(t => Array.IndexOf(Creditors, t.CreditorId))
            .ThenBy(t => t.TaskId, StringComparer.Ordinal),
    ];

    private static async Task<List<WorkTask>> OpenManyAsync(ITaskStore tasks, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, int count)
    {
        var opened = new List<WorkTask>();
        for (var i = 0; i < count; i++)
        {
            if (i % 3 == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(7)); // some tasks open at the same moment
            }

            var facts = new TaskFacts
            {
                Amount = Amounts[i % Amounts.Length],
                Priority = Priorities[i % Priorities.Length],
                DueDate = i % 5 == 0 ? null : new DateOnly(2026, 3, 2 + (i % 4)),
            };
            opened.Add(await tasks.OpenAsync(Creditors[i % 2], Kinds[i % Kinds.Length], null, null, $"Task {i}", "", $"task-{i}", facts: facts));
        }

        return opened;
    }

    private static async Task<List<WorkTask>> AllPagesAsync(ITaskStore tasks, int pageSize)
    {
        var shown = new List<WorkTask>();
        for (var skip = 0; ; skip += pageSize)
        {
            var page = await tasks.MostUrgentAsync(Creditors, skip, pageSize);
            shown.AddRange(page);
            if (page.Count < pageSize)
            {
                return shown;
            }
        }
    }

    [Fact]
    public async Task Today_pages_through_the_open_tasks_of_every_creditor_in_the_order_it_always_had()
    {
        var clock = TestHost.ClockAt("2026-03-02T08:00:00Z");
        await using var host = await TestHost.StartHostAsync(time: clock);
        var tasks = host.Get<ITaskStore>();
        var opened = await OpenManyAsync(tasks, clock, 75);

        var shown = await AllPagesAsync(tasks, 30);

        shown.Select(t => t.TaskId).ShouldBe(AsTodaySortedThem(opened).Select(t => t.TaskId));
        shown.First().Facts.Priority.ShouldBe(TaskPriorities.High);
        (await tasks.CountOpenAsync("acme") + await tasks.CountOpenAsync("beta")).ShouldBe(75);
        (await tasks.MostUrgentAsync(Creditors, 60, 30)).Count.ShouldBe(15);
    }

    [Fact]
    public async Task Completed_tasks_leave_today_and_its_count_and_the_order_of_the_rest_stays()
    {
        var clock = TestHost.ClockAt("2026-03-02T08:00:00Z");
        await using var host = await TestHost.StartHostAsync(time: clock);
        var tasks = host.Get<ITaskStore>();
        var opened = await OpenManyAsync(tasks, clock, 40);

        var done = opened.Where((_, i) => i % 4 == 1).ToList();
        foreach (var task in done)
        {
            await tasks.CompleteAsync(task.CreditorId, task.TaskId, "done", null);
        }

        var shown = await AllPagesAsync(tasks, 30);
        shown.Select(t => t.TaskId).ShouldBe(AsTodaySortedThem(opened.Except(done)).Select(t => t.TaskId));
        (await tasks.CountOpenAsync("acme") + await tasks.CountOpenAsync("beta")).ShouldBe(30);
    }

    [Fact]
    public async Task A_task_opened_again_or_folded_into_stays_one_row_on_today_and_a_new_one_opens_after_it_is_done()
    {
        await using var host = await TestHost.StartHostAsync();
        var tasks = host.Get<ITaskStore>();

        var first = await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, null, null, "Reply from Kari", "first", "reply|kari", "m1");
        await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, null, null, "Reply from Kari", "second", "reply|kari", "m2");
        await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, null, null, "Reply from Kari", "second", "reply|kari", "m2"); // retried
        await tasks.OpenAsync("acme", TaskKinds.ContactChange, null, null, "New address", "", "contact|1");
        await tasks.OpenAsync("acme", TaskKinds.ContactChange, null, null, "New address", "", "contact|1"); // retried

        var today = await tasks.MostUrgentAsync(["acme"], 0, 30);
        today.Count.ShouldBe(2);
        today.Single(t => t.TaskId == first.TaskId).Count.ShouldBe(2);
        (await tasks.CountOpenAsync("acme")).ShouldBe(2);

        await tasks.CompleteAsync("acme", first.TaskId, "done", null);
        (await tasks.MostUrgentAsync(["acme"], 0, 30)).ShouldNotContain(t => t.TaskId == first.TaskId);
        (await tasks.CountOpenAsync("acme")).ShouldBe(1);

        var next = await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, null, null, "Reply from Kari", "third", "reply|kari", "m3");
        next.TaskId.ShouldNotBe(first.TaskId);
        (await tasks.MostUrgentAsync(["acme"], 0, 30)).Select(t => t.TaskId).ShouldContain(next.TaskId);
        (await tasks.CountOpenAsync("acme")).ShouldBe(2);
    }

    [Fact]
    public async Task Open_tasks_from_before_the_index_are_added_to_it_on_the_first_view_of_today()
    {
        var clock = TestHost.ClockAt("2026-03-02T08:00:00Z");
        await using var host = await TestHost.StartHostAsync(time: clock);
        var tasks = host.Get<ITaskStore>();
        var opened = await OpenManyAsync(tasks, clock, 20);
        await tasks.CompleteAsync(opened[0].CreditorId, opened[0].TaskId, "done", null);

        // As before the index existed: no rows, no counters, no marker.
        var index = host.Get<StorageClients>().Table(StorageNames.Tables.TodayIndex);
        await foreach (var row in index.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        (await tasks.CountOpenAsync("acme") + await tasks.CountOpenAsync("beta")).ShouldBe(19);
        (await AllPagesAsync(tasks, 30)).Select(t => t.TaskId).ShouldBe(AsTodaySortedThem(opened.Skip(1)).Select(t => t.TaskId));
    }

    [Fact]
    public async Task Two_hosts_opening_and_completing_one_creditors_tasks_at_once_keep_todays_count_exact()
    {
        // Each host changes the counter it last wrote without reading it first; the other host's changes make that
        // write fail and the counter is read again, so no opening or completion is lost from the count.
        var account = await TestHost.NewAccountAsync();
        var clock = TestHost.ClockAt("2026-03-02T08:00:00Z");
        await using var first = await TestHost.StartHostAsync(time: clock, connectionString: account);
        await using var second = await TestHost.StartHostAsync(time: clock, connectionString: account);
        var stores = new[] { first.Get<ITaskStore>(), second.Get<ITaskStore>() };

        async Task<List<WorkTask>> OpenAsync(int host) =>
        [
            .. await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
                stores[host].OpenAsync("acme", TaskKinds.ContactChange, null, null, $"Task {host}-{i}", "", $"two-hosts-{host}-{i}"))),
        ];

        var opened = await Task.WhenAll(OpenAsync(0), OpenAsync(1));
        (await stores[0].CountOpenAsync("acme")).ShouldBe(60);

        // Each completes a third of the tasks the other opened, both at once, while both open more.
        var more = Task.WhenAll(
            stores[0].OpenManyAsync("acme", [.. Enumerable.Range(0, 7).Select(i => new NewTask(TaskKinds.ContactChange, null, null, $"More {i}", "", $"two-hosts-more-{i}"))]),
            stores[1].OpenAsync("acme", TaskKinds.ContactChange, null, null, "One more", "", "two-hosts-one-more"));
        await Task.WhenAll(
            Task.WhenAll(opened[1].Take(10).Select(t => stores[0].CompleteAsync("acme", t.TaskId, "done", null))),
            Task.WhenAll(opened[0].Take(10).Select(t => stores[1].CompleteAsync("acme", t.TaskId, "done", null))),
            more);

        var open = new List<WorkTask>();
        await foreach (var task in stores[1].ListAsync("acme"))
        {
            open.Add(task);
        }

        open.Count.ShouldBe(60 - 20 + 8);
        (await stores[0].CountOpenAsync("acme")).ShouldBe(open.Count, "the count Today shows is the number of open tasks, from either host");
        (await stores[1].CountOpenAsync("acme")).ShouldBe(open.Count);
        (await stores[0].MostUrgentAsync(["acme"], 0, 100)).Select(t => t.TaskId).Order().ShouldBe(open.Select(t => t.TaskId).Order());
    }
}
