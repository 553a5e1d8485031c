namespace Receivables.Dunning;

/// <summary>
/// The daily cycle run here and now (the <c>cycle</c> command, the demo, tests): a new run of the date is planned as
/// the timer plans it (<see cref="DunningPlanner"/>), and this process works every shard itself with the same
/// <see cref="DunningShardRunner"/> the queue handler uses, then reports what was decided. Replaying a date is
/// deterministic and never sends twice (the messages keep their keys). A debtor whose case cannot be processed is
/// skipped at once (there is no queue to retry it): reported in <see cref="DunningCycleResult.Failures"/>, a task and the status.
/// </summary>
public sealed class DunningCycle(DunningPlanner planner, DunningShardRunner runner)
{
    public Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default) =>
        RunAsync(asOf, null, cancellationToken);

    /// <summary>Runs the cycle for one creditor (or all when <paramref name="creditorId"/> is null).</summary>
    public async Task<DunningCycleResult> RunAsync(DateOnly? asOf, string? creditorId, CancellationToken cancellationToken = default)
    {
        var planned = await planner.PlanAsync(asOf, creditorId, fanOut: false, cancellationToken);
        var notes = new List<string>(planned.Notes);
        var considered = 0;
        var queued = 0;
        var failures = new List<DebtorFailure>();
        var holder = "inline-" + Guid.NewGuid().ToString("N");
        foreach (var plan in planned.Plans)
        {
            var debtorNotes = new List<string>();
            for (var shard = 0; shard < plan.Shards; shard++)
            {
                var result = await runner.RunAsync(plan.Message(shard), holder, again: true, cancellationToken);
                considered += result.DebtorsConsidered;
                queued += result.RemindersQueued;
                failures.AddRange(result.Failures);
                debtorNotes.AddRange(result.Notes);
            }

            // Shards are cut by hash; report the creditor's debtors in id order (stable across shard counts).
            notes.AddRange(debtorNotes.Select((note, i) => (note, i)).OrderBy(n => DebtorOf(n.note), StringComparer.Ordinal).ThenBy(n => n.i).Select(n => n.note));
        }

        return new DunningCycleResult(planned.AsOf, considered, queued, notes) { Failures = failures };
    }

    private static string DebtorOf(string note)
    {
        var colon = note.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? note : note[..colon];
    }
}
