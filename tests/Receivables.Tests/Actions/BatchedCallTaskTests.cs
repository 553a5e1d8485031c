using Receivables.Actions;
using Receivables.Actions.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Actions;

/// <summary>
/// A shard's call tasks are opened in one batch: the debtors' tasks are read a few debtors per query from the
/// creditor's one partition of the debtor index, and each debtor must still see only its own rows.
/// </summary>
public sealed class BatchedCallTaskTests
{
    private static NewTask Call(string debtorId, string stage = "friendly") =>
        new(TaskKinds.CallDebtor, debtorId, null, $"Call {debtorId} at {stage}", "", $"call|{debtorId}|{stage}");

    private static bool OpenCall(WorkTask task) => task.Kind == TaskKinds.CallDebtor;

    /// <summary>Two debtor ids whose hashes share their first 8 hex digits: their index rows sort side by side.</summary>
    private static (string, string) AdjacentDebtors()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; ; i++)
        {
            var id = $"N{i}";
            var prefix = TaskDebtorsTable.Hash(id)[..8];
            if (seen.TryGetValue(prefix, out var other))
            {
                return (other, id);
            }

            seen[prefix] = id;
        }
    }

    private static Task<List<string>> TitlesAsync(ITaskStore tasks, string debtorId) => TaskDebtorIndexTests.TitlesAsync(tasks, debtorId, openOnly: false);

    [Fact]
    public async Task Many_debtors_call_tasks_opened_in_one_batch_each_debtor_sees_only_its_own_and_one_with_an_open_call_gets_no_second()
    {
        await using var host = await TestHost.StartHostAsync();
        var tasks = host.Get<ITaskStore>();
        var (first, second) = AdjacentDebtors();
        TaskDebtorsTable.Hash(first)[..8].ShouldBe(TaskDebtorsTable.Hash(second)[..8]);
        string[] plain = [.. Enumerable.Range(1, 10).Select(i => $"K{i:D2}"), "D|1 ø}", first, second];

        // Before the batch: K03 and the first of the adjacent pair have an open call; K04's call is done; K05 has a reply to review.
        var k03 = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "K03", null, "Call K03 last week", "", "call|K03|earlier");
        var pair = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, first, null, $"Call {first} last week", "", $"call|{first}|earlier");
        var k04 = await tasks.OpenAsync("acme", TaskKinds.CallDebtor, "K04", null, "Call K04 last week", "", "call|K04|earlier");
        await tasks.CompleteAsync("acme", k04.TaskId, "promise", null);
        await tasks.OpenAsync("acme", TaskKinds.ReviewReply, "K05", null, "Reply from K05", "", "reply|K05");
        await tasks.OpenAsync("beta", TaskKinds.CallDebtor, "K06", null, "Call K06 at Beta", "", "call|K06|beta");

        // One batch: a call for each of 13 debtors (two queries of at most 7 debtors), and K07 twice (two stages).
        var batch = plain.Select(d => Call(d)).Append(Call("K07", "formal")).ToList();
        var openings = await tasks.OpenManyUnlessOpenAsync("acme", batch, OpenCall);

        openings.Count.ShouldBe(batch.Count);
        var byTitle = batch.Zip(openings, (task, opening) => (task.Title, opening)).ToDictionary(o => o.Title, o => o.opening);
        byTitle["Call K03 at friendly"].ShouldSatisfyAllConditions(o => o.Blocked.ShouldBeTrue(), o => o.Task.TaskId.ShouldBe(k03.TaskId));
        byTitle[$"Call {first} at friendly"].ShouldSatisfyAllConditions(o => o.Blocked.ShouldBeTrue(), o => o.Task.TaskId.ShouldBe(pair.TaskId));
        byTitle["Call K07 at formal"].ShouldSatisfyAllConditions(o => o.Blocked.ShouldBeTrue("the call opened for K07 in this batch is still open"), o => o.Task.Title.ShouldBe("Call K07 at friendly"));
        foreach (var debtor in plain.Except(["K03", first]))
        {
            byTitle[$"Call {debtor} at friendly"].ShouldSatisfyAllConditions(
                o => o.Blocked.ShouldBeFalse($"{debtor} has no open call (another debtor's open call must not block it)"),
                o => o.Task.Title.ShouldBe($"Call {debtor} at friendly"),
                o => o.Task.DebtorId.ShouldBe(debtor));
        }

        // Each debtor's page: exactly its own tasks, open and done.
        (await TitlesAsync(tasks, "K03")).ShouldBe(["Call K03 last week"]);
        (await TitlesAsync(tasks, first)).ShouldBe([$"Call {first} last week"]);
        (await TitlesAsync(tasks, second)).ShouldBe([$"Call {second} at friendly"]);
        (await TitlesAsync(tasks, "K04")).ShouldBe(["Call K04 at friendly", "Call K04 last week"]);
        (await TitlesAsync(tasks, "K05")).ShouldBe(["Call K05 at friendly", "Reply from K05"]);
        (await TitlesAsync(tasks, "K06")).ShouldBe(["Call K06 at friendly"]);
        (await TitlesAsync(tasks, "K07")).ShouldBe(["Call K07 at friendly"]);
        foreach (var debtor in plain.Except(["K03", "K04", "K05", first]))
        {
            (await TitlesAsync(tasks, debtor)).ShouldBe([$"Call {debtor} at friendly"]);
        }

        // The same batch again (a retry, or the next day): every debtor now has an open call, and nothing new opens.
        var again = await tasks.OpenManyUnlessOpenAsync("acme", batch, OpenCall);
        again.ShouldAllBe(o => o.Blocked);
        again.Select(o => o.Task.DebtorId).ShouldBe(batch.Select(t => t.DebtorId));
        var all = 0;
        await foreach (var _ in tasks.ListAsync("acme", openOnly: false))
        {
            all++;
        }

        all.ShouldBe(4 + plain.Length - 2, "the four tasks from before, and one call for each debtor without an open one");
    }
}
