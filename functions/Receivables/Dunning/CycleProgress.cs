using System.Globalization;

namespace Receivables.Dunning;

/// <summary>A cycle date's record for one creditor: the plan, each finished shard, and whether the creditor's run completed.</summary>
public sealed record CycleProgress(CyclePlan Plan, IReadOnlyList<ShardProgress> Shards, bool Completed)
{
    public int Done => Shards.Count(s => s.State == ShardStates.Done);

    public int Failed => Shards.Count(s => s.State == ShardStates.Failed);

    public int Queued => Shards.Sum(s => s.Queued);

    public int Considered => Shards.Sum(s => s.Considered);

    /// <summary>Debtors skipped because their case could not be processed (each has a <c>cycle-error</c> task).</summary>
    public int Skipped => Shards.Sum(s => s.Skipped);

    /// <summary>Whether the run left work undone: a failed shard or a skipped debtor.</summary>
    public bool HadFailures => Failed > 0 || Skipped > 0;

    /// <summary>What went wrong, per shard that failed or skipped debtors.</summary>
    public IReadOnlyList<string> Errors => [.. Shards.Where(s => s.Error is { Length: > 0 } && (s.Skipped > 0 || s.State != ShardStates.Done)).Select(s => s.Error!)];

    public bool AllDone => Done >= Plan.Shards;

    /// <summary>"cycle 2026-12-02: 180/200 shards done, 3 failed, 1,204 reminders queued".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {Plan.Date:yyyy-MM-dd}{(Plan.Run > 1 ? $" (run {Plan.Run})" : "")}: {Done}/{Plan.Shards} shards done, {Failed} failed, {Queued:N0} reminders queued{(Skipped > 0 ? $", {Skipped:N0} debtor(s) skipped with errors" : "")}{(Completed ? ", complete" : "")}");
}
