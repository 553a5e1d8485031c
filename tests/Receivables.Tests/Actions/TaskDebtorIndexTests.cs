using Azure.Data.Tables;
using Receivables.Actions;
using Receivables.Actions.Storage;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Actions;

/// <summary>
/// A debtor's tasks (the debtor's page, one call at a time) are read through the debtor index, not a filter over every
/// task; tasks from before the index, or indexed in its earlier layout (one partition per debtor), are still found.
/// </summary>
public sealed class TaskDebtorIndexTests
{
    /// <summary>The titles of one of acme's debtors' tasks, in order (its debtor page's list).</summary>
    internal static async Task<List<string>> TitlesAsync(ITaskStore tasks, string debtorId, bool openOnly)
    {
        var titles = new List<string>();
        await foreach (var task in tasks.ListAsync("acme", openOnly, debtorId: debtorId))
        {
            titles.Add(task.Title);
        }

        return [.. titles.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_debtors_page_lists_that_debtors_tasks_open_and_done_and_no_one_elses()
    {
        await using var host = await TestHost.StartHostAsync();
        var tasks = host.Get<ITaskStore>();
        var call = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D/1 ø", null, "Call Kari", "", "call-1");
        await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, "D/1 ø", null, "Reply from Kari", "", "reply|kari", "m1");
        await tasks.OpenOrFoldAsync("acme", TaskKinds.ReviewReply, "D/1 ø", null, "Reply from Kari", "", "reply|kari", "m2");
        await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D2", null, "Call Per", "", "call-2");
        await tasks.OpenAsync("beta", TaskKinds.CallDebtor, "D/1 ø", null, "Call Kari at Beta", "", "call-3");
        await tasks.CompleteAsync("acme", call.TaskId, "promise", null);

        (await TitlesAsync(tasks, "D/1 ø", openOnly: false)).ShouldBe(["Call Kari", "Reply from Kari (2 replies)"]);
        (await TitlesAsync(tasks, "D/1 ø", openOnly: true)).ShouldBe(["Reply from Kari (2 replies)"]);
        (await TitlesAsync(tasks, "D3", openOnly: false)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tasks_from_before_the_debtor_index_are_still_on_the_debtors_page()
    {
        var account = await TestHost.NewAccountAsync();
        await using (var before = await TestHost.StartHostAsync(connectionString: account))
        {
            var tasks = before.Get<ITaskStore>();
            await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D1", null, "Call Kari", "", "call-1");
            await tasks.OpenAsync("acme", TaskKinds.ContactChange, "D1", null, "New address", "", "contact-1");
            await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D2", null, "Call Per", "", "call-2");

            // As before the index existed: no rows and no marker.
            var index = before.Get<StorageClients>().Table(StorageNames.Tables.TaskDebtors);
            await foreach (var row in index.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }

        await using var after = await TestHost.StartHostAsync(connectionString: account);
        (await TitlesAsync(after.Get<ITaskStore>(), "D1", openOnly: true)).ShouldBe(["Call Kari", "New address"]);
    }

    [Fact]
    public async Task Tasks_indexed_in_the_earlier_layout_one_partition_per_debtor_are_still_found_and_still_block_a_second_call()
    {
        var account = await TestHost.NewAccountAsync();
        await using (var before = await TestHost.StartHostAsync(connectionString: account))
        {
            var tasks = before.Get<ITaskStore>();
            var kari = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D1", null, "Call Kari", "", "call-1");
            var address = await tasks.OpenAsync("acme", TaskKinds.ContactChange, "D1", null, "New address", "", "contact-1");
            var per = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "D2", null, "Call Per", "", "call-2");

            // As the earlier layout left it: a partition per creditor and debtor, row = task id, and its "built" marker.
            var index = before.Get<StorageClients>().Table(StorageNames.Tables.TaskDebtors);
            await foreach (var row in index.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }

            foreach (var (debtorId, task) in new[] { ("D1", kari), ("D1", address), ("D2", per) })
            {
                await index.AddEntityAsync(new TableEntity("d" + TaskDebtorsTable.Hash("acme\n" + debtorId), task.TaskId));
            }

            await index.AddEntityAsync(new TableEntity("built", TaskDebtorsTable.Hash("acme")) { ["CreditorId"] = "acme" });
        }

        await using var after = await TestHost.StartHostAsync(connectionString: account);
        var store = after.Get<ITaskStore>();
        var openings = await store.OpenManyUnlessOpenAsync(
            "acme",
            [new NewTask(TaskKinds.CallDebtor, "D1", null, "Call Kari again", "", "call-4"), new NewTask(TaskKinds.CallDebtor, "D3", null, "Call Ola", "", "call-5")],
            t => t.Kind == TaskKinds.CallDebtor);
        openings[0].Blocked.ShouldBeTrue("Kari's call from before the new layout is still open");
        openings[0].Task.Title.ShouldBe("Call Kari");
        openings[1].Blocked.ShouldBeFalse();
        (await TitlesAsync(store, "D1", openOnly: false)).ShouldBe(["Call Kari", "New address"]);
        (await TitlesAsync(store, "D2", openOnly: false)).ShouldBe(["Call Per"]);
        (await TitlesAsync(store, "D3", openOnly: false)).ShouldBe(["Call Ola"]);
    }
}
