using Receivables.Actions;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Actions;

public sealed class OpenManyTasksTests
{
    private static NewTask Unplaced(int i) =>
        new("unplaced-payment", null, null, $"Payment we could not place: {i}.00 NOK", $"record {i}", $"many|{i}");

    [Fact]
    public async Task Many_tasks_open_across_several_table_transactions_and_a_retry_opens_only_the_missing_ones_and_leaves_the_others_as_they_are()
    {
        await using var host = await TestHost.StartHostAsync();
        var tasks = host.Get<ITaskStore>();

        // 250 tasks: three transactions of at most 100 in the creditor's partition; one key twice is one task.
        (await tasks.OpenManyAsync(TestSettings.Creditor, [.. Enumerable.Range(1, 250).Select(Unplaced), Unplaced(7)])).ShouldBe(250);
        var opened = await ListAsync(tasks);
        opened.Count.ShouldBe(250);
        opened.ShouldContain(t => t.Title == "Payment we could not place: 250.00 NOK" && t.Details == "record 250" && t.IsOpen);
        (await tasks.CountOpenAsync(TestSettings.Creditor)).ShouldBe(250, "Today counts every task opened in a batch");
        (await tasks.MostUrgentAsync([TestSettings.Creditor], 240, 30)).Count.ShouldBe(10, "and pages through all of them");

        // A person finishes one; then the work is retried with ten more: only those ten are new, the finished one stays finished.
        var done = opened.Single(t => t.Title == "Payment we could not place: 120.00 NOK");
        await tasks.CompleteAsync(TestSettings.Creditor, done.TaskId, "refunded", null);
        (await tasks.OpenManyAsync(TestSettings.Creditor, [.. Enumerable.Range(1, 260).Select(Unplaced)])).ShouldBe(10);
        var after = await ListAsync(tasks);
        after.Count.ShouldBe(260);
        after.Single(t => t.TaskId == done.TaskId).IsOpen.ShouldBeFalse();
        (await tasks.CountOpenAsync(TestSettings.Creditor)).ShouldBe(259, "the retry left one index row per open task, none for the finished one");

        // The same key through OpenAsync is the same task.
        (await tasks.OpenAsync(TestSettings.Creditor, "unplaced-payment", null, null, "other title", "", "many|3")).Title.ShouldBe("Payment we could not place: 3.00 NOK");
    }

    private static async Task<List<WorkTask>> ListAsync(ITaskStore tasks)
    {
        var found = new List<WorkTask>();
        await foreach (var task in tasks.ListAsync(TestSettings.Creditor, openOnly: false))
        {
            found.Add(task);
        }

        return found;
    }
}
