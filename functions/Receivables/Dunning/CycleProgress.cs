using System.Globalization;

namespace Receivables.Dunning;

/// <summary>A cycle date's record for one creditor: the plan, each finished shard, and whether the creditor's run completed.</summary>
public sealed record CycleProgress(CyclePlan Plan, IReadOnlyList<ShardProgress> Shards, bool Completed)
{
    public int Done => Shards.Count(s => s.State == ShardStates.Done);

    public int Failed => Shards.Count(s => s.State == ShardStates.Failed);

    public int Queued => Shards.Sum(s => s.Queued);

    public int Considered => Shards.Sum(s => s.Considered);

    public bool AllDone => Done >= Plan.Shards;

    /// <summary>"cycle 2026-12-02: 180/200 shards done, 3 failed, 1,204 reminders queued".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"cycle {Plan.Date:yyyy-MM-dd}{(Plan.Run > 1 ? $" (run {Plan.Run})" : "")}: {Done}/{Plan.Shards} shards done, {Failed} failed, {Queued:N0} reminders queued{(Completed ? ", complete" : "")}");
}
