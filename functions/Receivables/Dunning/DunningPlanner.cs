using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// The timer's whole job: per active creditor, refuse a stale ledger, decide the shard count from the ledger's size and
/// <see cref="DunningScaleOptions"/>, record the plan for the date and queue one <see cref="DunningShardMessage"/> per
/// shard. Planning a date twice queues nothing new (idempotent per creditor, shard and date), except the shards of a
/// plan whose queueing did not finish. The shards do the work (<see cref="DunningShardRunner"/>).
/// </summary>
public sealed class DunningPlanner(
    ILedgerReader ledger,
    ICaseStore cases,
    ICycleProgressStore progress,
    ICreditorDirectory creditors,
    DunningPolicies policies,
    BusinessClock clock,
    IMessageQueue queue,
    ILogger<DunningPlanner> logger) : IDunningCycle
{
    /// <summary>How long after planning a plan's own planner may still be queueing its shards.</summary>
    private static readonly TimeSpan PlannerAlive = TimeSpan.FromMinutes(2);

    /// <summary>How long a second planner waits (real time) for the first to finish queueing, and how often it looks.</summary>
    private static readonly TimeSpan PlannerWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PlannerPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>The timer: plan today (or <paramref name="asOf"/>) for every creditor and queue the shards.</summary>
    public async Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(asOf, null, fanOut: true, cancellationToken);
        return new DunningCycleResult(plan.AsOf, 0, 0, plan.Notes);
    }

    /// <summary>
    /// Plans the date. <paramref name="fanOut"/>: queue the shards, once per date (the timer). Otherwise a new run of
    /// the date is planned and nothing is queued: the caller works the shards itself (the <c>cycle</c> command).
    /// </summary>
    public Task<DunningPlanResult> PlanAsync(DateOnly? asOf, string? creditorId, bool fanOut, CancellationToken cancellationToken = default) =>
        PlanCreditorsAsync(asOf, creditorId is null ? null : [creditorId], fanOut, cancellationToken);

    /// <summary>Plans the date for the given creditors only (all active ones when null), with one look-up of the creditors.</summary>
    public async Task<DunningPlanResult> PlanCreditorsAsync(DateOnly? asOf, IReadOnlyCollection<string>? creditorIds, bool fanOut, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? clock.Today;
        var active = await creditors.ActiveAsync(cancellationToken);
        var ids = active.Keys.Order(StringComparer.Ordinal).ToList();
        if (creditorIds is not null)
        {
            if (creditorIds.FirstOrDefault(id => !active.ContainsKey(id)) is { } unknown)
            {
                throw new ReceivablesException($"Creditor '{unknown}' is not configured (Receivables:Creditors:{unknown} or `creditors add`); configured: {string.Join(", ", ids)}.");
            }

            ids = [.. creditorIds];
        }

        var notes = new List<string>();
        var plans = new List<CyclePlan>();
        if (!NorwegianCalendar.IsBusinessDay(date))
        {
            logger.LogInformation("{AsOf} is not a business day; the dunning cycle sends nothing and the next business day catches up", date);
            notes.Add($"{date:yyyy-MM-dd} is not a business day (weekend or public holiday): nothing sent; the next business day catches up.");
            return new DunningPlanResult(date, plans, notes);
        }

        foreach (var id in ids)
        {
            if (await PlanCreditorAsync(id, PlannedPolicies.Of(active[id]), date, fanOut, notes, cancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return new DunningPlanResult(date, plans, notes);
    }

    private async Task<CyclePlan?> PlanCreditorAsync(string creditorId, PlannedPolicies names, DateOnly date, bool fanOut, List<string> notes, CancellationToken cancellationToken)
    {
        var latest = await progress.GetLatestAsync(creditorId, cancellationToken);
        if (fanOut && latest is { } planned && planned.Date >= date)
        {
            return await ResumeAsync(creditorId, planned.Date, planned.Run, date, notes, cancellationToken);
        }

        var snapshot = await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken);
        var previous = await cases.GetRunStateAsync(creditorId, cancellationToken);
        if (snapshot is null)
        {
            logger.LogWarning("No accepted ledger for {CreditorId}: the dunning cycle sends nothing for it", creditorId);
            notes.Add($"{creditorId}: no accepted ledger yet; nothing sent.");
            await cases.SaveRunStateAsync(new DunningRunState(creditorId, previous?.LastSnapshotId, previous?.LastCycleDate, true, "no accepted ledger"), cancellationToken);
            return null;
        }

        var age = date.DayNumber - clock.ToLocalDate(snapshot.TakenAt).DayNumber;
        var maxAge = policies.Options.MaxLedgerAgeDays;
        if (age > maxAge)
        {
            var reason = $"latest ledger taken {snapshot.TakenAt:yyyy-MM-dd} is {age} days old (max {maxAge}, {DunningOptions.Section}:MaxLedgerAgeDays)";
            logger.LogWarning("Ledger of {CreditorId} is stale: taken {TakenAt}, {AgeDays} days old, max {MaxAgeDays}; the dunning cycle sends nothing for it until a fresh ledger is uploaded", creditorId, snapshot.TakenAt, age, maxAge);
            notes.Add($"{creditorId}: stale ledger, nothing sent: {reason}.");
            await cases.SaveRunStateAsync(new DunningRunState(creditorId, previous?.LastSnapshotId, previous?.LastCycleDate, true, reason), cancellationToken);
            return null;
        }

        if (previous?.LastCycleDate is { } last && last < date)
        {
            var missed = NorwegianCalendar.BusinessDaysBetween(last, date) - 1;
            if (missed > 0)
            {
                logger.LogInformation("Dunning for {CreditorId} last ran {LastCycleDate}; catching up {MissedDays} missed business day(s)", creditorId, last, missed);
                notes.Add($"{creditorId}: caught up {missed} missed business day(s) since {last:yyyy-MM-dd}.");
            }
        }

        var scale = policies.Options.Scale;
        var shards = DebtorShards.CountFor(snapshot.Debtors, scale.DebtorsPerShard, scale.MaxShards);

        // The first plan sizes the creditor's case storage from its ledger (later plans read the layout, once per host).
        await cases.SizeAsync(creditorId, DebtorShards.PartitionsFor(snapshot.Debtors, scale.DebtorsPerPartition), cancellationToken);
        var run = latest is { } l && l.Date == date ? l.Run + 1 : 1;
        var version = previous is { Version: { } read } && (previous.LastCycleDate is null || previous.LastCycleDate <= date) ? read : null;
        var (plan, created) = await progress.AddPlanAsync(new CyclePlan(creditorId, date, run, shards, snapshot.SnapshotId, previous?.LastSnapshotId != snapshot.SnapshotId, clock.Now, RunStateVersion: version), cancellationToken);
        if (!created)
        {
            // Another planner got there first (two hosts, or a re-delivered timer): it queues the shards.
            return fanOut ? null : plan;
        }

        logger.LogInformation("Dunning for {CreditorId} on {AsOf}: planned {Shards} shard(s) of {Debtors} debtors on snapshot {SnapshotId} (ledger changed: {Changed})", creditorId, date, shards, snapshot.Debtors, snapshot.SnapshotId, plan.Changed);
        if (fanOut)
        {
            await EnqueueAsync(plan, null, cancellationToken, snapshot, names);
            notes.Add($"{creditorId}: planned {shards} shard(s) for {date:yyyy-MM-dd}.");
        }

        return plan;
    }

    /// <summary>A date already planned: queue again only what a planner that stopped half-way did not queue.</summary>
    private async Task<CyclePlan?> ResumeAsync(string creditorId, DateOnly plannedDate, int run, DateOnly date, List<string> notes, CancellationToken cancellationToken)
    {
        if (plannedDate > date)
        {
            notes.Add($"{creditorId}: {plannedDate:yyyy-MM-dd} is planned already; {date:yyyy-MM-dd} is not planned again.");
            return null;
        }

        var existing = await progress.GetAsync(creditorId, date, run, cancellationToken);

        // A plan not marked queued may be one another planner is queueing right now (two timers at once): wait for it a
        // little rather than queue every shard a second time. A plan still not queued after that, or planned longer
        // ago than a planner takes, is one whose planner stopped: its shards not done are queued again.
        for (var waited = TimeSpan.Zero; existing is { Plan.Enqueued: false } && clock.Now - existing.Plan.PlannedAt < PlannerAlive && waited < PlannerWait; waited += PlannerPoll)
        {
            await Task.Delay(PlannerPoll, cancellationToken);
            existing = await progress.GetAsync(creditorId, date, run, cancellationToken);
        }

        if (existing is null || existing.Plan.Enqueued)
        {
            notes.Add($"{creditorId}: {date:yyyy-MM-dd} is planned already ({existing}).");
            return existing?.Plan;
        }

        var done = existing.Shards.Where(s => s.State == ShardStates.Done).Select(s => s.Shard).ToHashSet();
        await EnqueueAsync(existing.Plan, done, cancellationToken);
        notes.Add($"{creditorId}: re-queued {existing.Plan.Shards - done.Count} shard(s) of {date:yyyy-MM-dd} whose planning had stopped.");
        return existing.Plan;
    }

    private async Task EnqueueAsync(CyclePlan plan, IReadOnlySet<int>? skip, CancellationToken cancellationToken, SnapshotInfo? snapshot = null, PlannedPolicies? names = null)
    {
        for (var shard = 0; shard < plan.Shards; shard++)
        {
            if (skip?.Contains(shard) != true)
            {
                await queue.SendAsync(StorageNames.Queues.DunningShard, plan.Message(shard, snapshot, names), cancellationToken: cancellationToken);
            }
        }

        await progress.MarkEnqueuedAsync(plan, cancellationToken);
    }
}
