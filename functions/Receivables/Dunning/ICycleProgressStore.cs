namespace Receivables.Dunning;

/// <summary>Per creditor and cycle date: the plan, each shard's outcome and the once-only completion.</summary>
public interface ICycleProgressStore
{
    /// <summary>The latest planned (date, run) of a creditor, if any.</summary>
    Task<(DateOnly Date, int Run)?> GetLatestAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>Stores the plan unless this (creditor, date, run) was planned already; returns the stored plan and whether this call created it.</summary>
    Task<(CyclePlan Plan, bool Created)> AddPlanAsync(CyclePlan plan, CancellationToken cancellationToken = default);

    Task MarkEnqueuedAsync(CyclePlan plan, CancellationToken cancellationToken = default);

    Task<CycleProgress?> GetAsync(string creditorId, DateOnly date, int run, CancellationToken cancellationToken = default);

    Task<ShardProgress?> GetShardAsync(DunningShardMessage shard, CancellationToken cancellationToken = default);

    Task SaveShardAsync(DunningShardMessage shard, ShardProgress progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the creditor's completion work for this run: true for exactly one caller while the claim holds; a claim
    /// that ran out (a crash) can be taken over, so the work is never skipped. False once it is marked completed.
    /// </summary>
    Task<bool> TryClaimCompletionAsync(string creditorId, DateOnly date, int run, string holder, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken = default);

    Task MarkCompletedAsync(string creditorId, DateOnly date, int run, CancellationToken cancellationToken = default);
}
