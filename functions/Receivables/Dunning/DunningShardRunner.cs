using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// Works one shard of one creditor's day. When the ledger did not change: the shard's due cases from the due index (a
/// range read per table partition, whose rows carry a copy of each case), each written once (one transaction, guarded
/// by the index row's version; a case too large to copy is read first), their ledger lines from one ranged read of the shard's
/// slice of the snapshot. When it changed: the shard's case summaries and its slice, and only debtors whose lines
/// changed, new debtors, due cases and debtors gone from the ledger are worked on. Up to
/// <see cref="DunningScaleOptions.Parallelism"/> debtors at a time. Decisions are stored on the case (ETag) before their
/// messages are queued with today's keys, so a shard worked twice, or by two hosts at once, never sends twice. Each
/// stored step is told to the <see cref="IDunningStepObserver"/>s at once and to the
/// <see cref="IDunningStepBatchObserver"/>s in batches (call tasks written together). The shard then records itself
/// done, and whoever finishes the last shard runs the creditor's once-per-run work.
/// </summary>
public sealed class DunningShardRunner(
    ILedgerReader ledger,
    ICaseStore cases,
    ICycleProgressStore progress,
    ICreditorDirectory creditors,
    DunningPolicies policies,
    BusinessClock clock,
    IMessageQueue queue,
    IEnumerable<IDunningStepObserver> observers,
    IEnumerable<IDunningStepBatchObserver> batchObservers,
    IEnumerable<IOpenItemAdjustments> adjustments,
    ILogger<DunningShardRunner> logger)
{
    /// <summary>How long the creditor's completion work may take before another host may take it over.</summary>
    private static readonly TimeSpan CompletionClaim = TimeSpan.FromMinutes(10);

    /// <summary>Below this many due debtors a shard reads each debtor's range of the snapshot instead of its whole slice.</summary>
    private const int SliceFrom = 5;

    private readonly IReadOnlyList<IDunningStepObserver> observers = [.. observers];

    private readonly IReadOnlyList<IDunningStepBatchObserver> batchObservers = [.. batchObservers];

    /// <summary>
    /// Works the shard. A shard already recorded done is not worked again unless <paramref name="again"/> (an explicit
    /// re-run); either way the creditor's completion is checked, so a crash after the shard finished is made good.
    /// A debtor whose case cannot be processed never stops the others: every debtor is worked on. With
    /// <paramref name="skipFailures"/> (the last try of a queued shard, or a run here and now) such debtors are skipped:
    /// told to the observers (a <c>cycle-error</c> task) and counted on the shard's progress, which is done. Without it
    /// the shard throws after the others are done, so the queue retries it (the failure may pass); the debtors already
    /// decided are not due any more and are not worked again.
    /// </summary>
    public async Task<DunningCycleResult> RunAsync(DunningShardMessage shard, string holder, bool again = false, CancellationToken cancellationToken = default, bool skipFailures = true)
    {
        var tally = new Tally();
        var done = !again && await progress.GetShardAsync(shard, cancellationToken) is { State: ShardStates.Done };
        if (done)
        {
            logger.LogInformation("Shard {Shard}/{Shards} of {CreditorId} for {AsOf} is done already; not worked again", shard.Shard, shard.Shards, shard.CreditorId, shard.Date);
        }
        else
        {
            var snapshot = (shard.Snapshot is { } planned && planned.SnapshotId == shard.SnapshotId && planned.CreditorId == shard.CreditorId ? planned : null)
                ?? await ledger.GetSnapshotAsync(shard.CreditorId, shard.SnapshotId, cancellationToken)
                ?? throw new InvalidOperationException($"Snapshot {shard.SnapshotId} of '{shard.CreditorId}' planned for {shard.Date:yyyy-MM-dd} is not found.");
            var names = shard.Policies is { } plannedNames ? plannedNames.ToOptions() : DunningPolicies.NamesOf(await creditors.FindAsync(shard.CreditorId, cancellationToken));
            var context = new ShardContext(shard, snapshot, names, tally, new DunningStepBatch(batchObservers, logger));
            try
            {
                if (shard.Changed)
                {
                    await ChangedAsync(context, cancellationToken);
                }
                else
                {
                    await UnchangedAsync(context, cancellationToken);
                }
            }
            catch (Exception e)
            {
                // The retry does not decide the stored steps again: what they owe the batch observers is done now.
                await FlushBeforeFailingAsync(context, e);
                throw;
            }

            Noted(context, await context.Batch.FlushAsync(cancellationToken));

            var failures = tally.Failures;
            if (failures.Count > 0 && !skipFailures)
            {
                throw new AggregateException($"{failures.Count} debtor(s) of shard {shard.Shard}/{shard.Shards} could not be processed: {string.Join("; ", failures.Take(3).Select(f => f.Summary))}", tally.Errors);
            }

            foreach (var failure in failures)
            {
                await TellFailedAsync(failure, cancellationToken);
            }

            var errors = failures.Count == 0 ? null : $"{failures.Count} debtor(s) skipped: " + string.Join("; ", failures.Take(5).Select(f => f.Summary));
            await progress.SaveShardAsync(shard, new ShardProgress(shard.Shard, ShardStates.Done, tally.Considered, tally.Queued, 0, errors, failures.Count), cancellationToken);
            logger.LogInformation("Dunning shard {Shard}/{Shards} of {CreditorId} on {AsOf}: {Considered} debtor(s) considered, {Queued} reminder(s) queued", shard.Shard, shard.Shards, shard.CreditorId, shard.Date, tally.Considered, tally.Queued);
        }

        await CompleteIfLastAsync(shard, holder, cancellationToken);
        return new DunningCycleResult(shard.Date, tally.Considered, tally.Queued, tally.OrderedNotes()) { Failures = tally.Failures };
    }

    private async Task FlushBeforeFailingAsync(ShardContext context, Exception failure)
    {
        try
        {
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Noted(context, await context.Batch.FlushAsync(time.Token));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Shard {Shard}/{Shards} of {CreditorId} on {AsOf} failed ({Failure}) and its stored steps could not all be told to the batch observers (call tasks); those are not opened", context.Shard.Shard, context.Shard.Shards, context.Shard.CreditorId, context.Shard.Date, failure.GetType().Name);
        }
    }

    /// <summary>The notes the batch observers added to the steps told, in the order of the work.</summary>
    private static void Noted(ShardContext context, IReadOnlyList<DunningStepBatch.Entry> told)
    {
        foreach (var entry in told)
        {
            foreach (var note in entry.Step.Notes?.All.Skip(entry.Noted) ?? [])
            {
                context.Tally.Note(entry.Order, note);
            }
        }
    }

    private async Task TellFailedAsync(DebtorFailure failure, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnFailedAsync(failure, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The failure is on the shard's progress (status) either way; a task that cannot be opened is only logged.
                logger.LogError(e, "Could not tell {Observer} that debtor {DebtorId} of {CreditorId} was skipped", observer.GetType().Name, DebtorFailure.Short(failure.DebtorId), failure.CreditorId);
            }
        }
    }

    /// <summary>Works one debtor; an error that retrying the whole shard cannot mend is recorded for that debtor only.</summary>
    private async ValueTask IsolatedAsync(ShardContext context, string debtorId, int order, Func<ValueTask> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException && !StorageFaults.IsTransient(e))
        {
            context.Tally.Fail(order, DebtorFailure.Of(context.Shard.CreditorId, debtorId, context.Shard.Date, e), e);
            logger.LogError(e, "Dunning could not process debtor {DebtorId} of {CreditorId} on {AsOf}; it is skipped and every other debtor is processed", DebtorFailure.Short(debtorId), context.Shard.CreditorId, context.Shard.Date);
        }
    }

    /// <summary>Records a failed try (the queue retries it; after the last try the shard counts as failed).</summary>
    public Task RecordFailureAsync(DunningShardMessage shard, long tries, bool last, Exception error, CancellationToken cancellationToken = default) =>
        progress.SaveShardAsync(shard, new ShardProgress(shard.Shard, last ? ShardStates.Failed : ShardStates.Retrying, 0, 0, (int)tries, error.GetType().Name + ": " + error.Message), cancellationToken);

    private async Task UnchangedAsync(ShardContext context, CancellationToken cancellationToken)
    {
        var shard = context.Shard;
        // The due index carries a copy of each (small) case: those are worked as read, the others are read first.
        var due = new List<string>();
        var read = new Dictionary<string, DunningCase>(StringComparer.Ordinal);
        await foreach (var item in cases.DueCasesAsync(shard.CreditorId, shard.Shard, shard.Shards, shard.Date, cancellationToken))
        {
            due.Add(item.DebtorId);
            if (item.Case is { } carried)
            {
                read[item.DebtorId] = carried;
            }
        }

        // Debtors whose open items changed without a new snapshot (bank payments): decided again the same day when what
        // the ladder reads differs from what it last read. Their cases are read once (and worked on as read), their lines
        // come from the shard's slice like the due debtors' lines.
        // The adjustments are read once: the slice and the lines below apply these instead of reading them again.
        var listed = new HashSet<string>(due, StringComparer.Ordinal);
        var adjustmentsRead = await OpenItemAdjustment.ReadAllAsync(adjustments, shard.CreditorId, cancellationToken);

        List<string> adjusted = [.. adjustmentsRead.Keys.Where(d => DebtorShards.ShardOf(d, shard.Shards) == shard.Shard && !listed.Contains(d))];
        if (due.Count + adjusted.Count == 0)
        {
            return;
        }

        Dictionary<string, DebtorLedger>? slice = null;
        if (due.Count + adjusted.Count >= SliceFrom)
        {
            slice = new Dictionary<string, DebtorLedger>(StringComparer.Ordinal);
            await foreach (var lines in ledger.ReadShardAsync(context.Snapshot, shard.Shard, shard.Shards, adjustmentsRead, cancellationToken))
            {
                slice[lines.Debtor.DebtorId] = lines;
            }
        }

        async Task<DebtorLedger?> LinesAsync(string debtorId, CancellationToken ct) =>
            slice is null ? await ledger.GetDebtorAsync(context.Snapshot, debtorId, adjustmentsRead, ct) : slice.GetValueOrDefault(debtorId);

        foreach (var debtorId in adjusted)
        {
            if (await cases.GetAsync(shard.CreditorId, debtorId, cancellationToken) is { } existing
                && await LinesAsync(debtorId, cancellationToken) is { } changed
                && existing.LedgerHash != DunningCase.LedgerHashOf(changed))
            {
                due.Add(debtorId);
                read[debtorId] = existing;
            }
        }

        await ForEachAsync(context, due, (debtorId, order, ct) => IsolatedAsync(context, debtorId, order, async () =>
        {
            if ((read.GetValueOrDefault(debtorId) ?? await cases.GetAsync(shard.CreditorId, debtorId, ct)) is not { } state)
            {
                return;
            }

            var lines = await LinesAsync(debtorId, ct);
            await ProcessAsync(context, state, lines ?? EmptyLedger(state), order, ct);
        }), cancellationToken);
    }

    private async Task ChangedAsync(ShardContext context, CancellationToken cancellationToken)
    {
        var shard = context.Shard;
        var summaries = new Dictionary<string, CaseSummary>(StringComparer.Ordinal);
        await foreach (var summary in cases.SummariesAsync(shard.CreditorId, shard.Shard, shard.Shards, cancellationToken))
        {
            summaries[summary.DebtorId] = summary;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new List<(string DebtorId, DebtorLedger? Lines)>();
        var created = new List<DunningCase>();
        var createdLines = new List<DebtorLedger>();
        await foreach (var lines in ledger.ReadShardAsync(context.Snapshot, shard.Shard, shard.Shards, cancellationToken))
        {
            var debtorId = lines.Debtor.DebtorId;
            seen.Add(debtorId);
            if (summaries.TryGetValue(debtorId, out var summary))
            {
                if (summary.LedgerHash != DunningCase.LedgerHashOf(lines) || (summary.NextAction is { } next && next <= shard.Date))
                {
                    work.Add((debtorId, lines));
                }
            }
            else if (lines.Invoices.Sum(i => i.OpenAmount) > 0m)
            {
                created.Add(cases.New(shard.CreditorId, debtorId));
                createdLines.Add(lines);
            }
        }

        // The debtors with no open lines any more (paid in full).
        work.AddRange(summaries.Values.Where(s => !seen.Contains(s.DebtorId) && s.Stage != CaseStages.Closed).Select(s => (s.DebtorId, (DebtorLedger?)null)));
        await ForEachAsync(context, work, (item, order, ct) => IsolatedAsync(context, item.DebtorId, order, async () =>
        {
            var existing = await cases.GetAsync(shard.CreditorId, item.DebtorId, ct);
            if (item.Lines is null && existing is null)
            {
                return;
            }

            var state = existing ?? cases.New(shard.CreditorId, item.DebtorId);
            await ProcessAsync(context, state, item.Lines ?? EmptyLedger(state), order, ct);
        }), cancellationToken);

        // New debtors: decided, then inserted in batches (a case and its due-index row per entity-group transaction).
        // A debtor that cannot be decided or stored is set aside; the rest of the batch is stored.
        for (var at = 0; at < created.Count; at += 100)
        {
            var decided = new List<(DunningCase Case, Decided Decision, DebtorLedger Lines, int Order)>();
            for (var i = at; i < Math.Min(at + 100, created.Count); i++)
            {
                var (c, lines, order) = (created[i], createdLines[i], work.Count + i);
                Decided? decision = null;
                await IsolatedAsync(context, c.DebtorId, order, () =>
                {
                    decision = Decide(context, c, lines);
                    return ValueTask.CompletedTask;
                });
                if (decision is not null)
                {
                    decided.Add((c, decision, lines, order));
                }
            }

            foreach (var refused in await cases.InsertManyAsync([.. decided.Select(d => d.Case)], cancellationToken))
            {
                var item = decided.First(d => d.Case.DebtorId == refused.DebtorId);
                context.Tally.Fail(item.Order, DebtorFailure.Of(context.Shard.CreditorId, refused.DebtorId, context.Shard.Date, refused), refused);
                logger.LogError(refused, "Dunning could not store the case of debtor {DebtorId} of {CreditorId}; it is skipped and every other debtor is processed", DebtorFailure.Short(refused.DebtorId), context.Shard.CreditorId);
            }

            var stored = decided.Where(d => d.Case.Version is not null).ToList();
            await ForEachAsync(context, stored, (d, _, ct) => IsolatedAsync(context, d.Case.DebtorId, d.Order, () => new ValueTask(AfterSaveAsync(context, d.Case, d.Decision, d.Lines, d.Order, ct))), cancellationToken);
        }
    }

    /// <summary>Works the items, up to the parallelism at a time; between items, a full batch of steps is told.</summary>
    private async Task ForEachAsync<T>(ShardContext context, IReadOnlyList<T> items, Func<T, int, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        var parallelism = Math.Max(1, policies.Options.Scale.Parallelism);
        if (parallelism == 1 || items.Count <= 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                await body(items[i], i, cancellationToken);
                Noted(context, await context.Batch.TellIfFullAsync(cancellationToken));
            }

            return;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await body(items[i], i, ct);
                Noted(context, await context.Batch.TellIfFullAsync(ct));
            });
    }

    /// <summary>
    /// The per-debtor step: decide on the ladder, store the decision (retrying on a concurrent change), then queue its
    /// messages and tell the observers.
    /// </summary>
    private async Task ProcessAsync(ShardContext context, DunningCase state, DebtorLedger lines, int order, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var decision = Decide(context, state, lines);
            try
            {
                await cases.SaveAsync(state, cancellationToken);
            }
            catch (CaseConflictException) when (attempt < 3)
            {
                context.Tally.Uncount();
                state = await cases.GetAsync(state.CreditorId, state.DebtorId, cancellationToken) ?? cases.New(state.CreditorId, state.DebtorId);
                continue;
            }

            await AfterSaveAsync(context, state, decision, lines, order, cancellationToken);
            return;
        }
    }

    private Decided Decide(ShardContext context, DunningCase state, DebtorLedger lines)
    {
        context.Tally.Count();
        var date = context.Shard.Date;
        // A case a person set to never-automatic is decided as a never-automatic debtor is: no ladder, a person follows it.
        var policy = state.NeverAutomatic ? null : policies.For(state.CreditorId, lines.Debtor, context.Policies);
        var decision = Ladder.Evaluate(state, lines, policy, date, policies.Rates, policies.Options.CollectionNotice);
        state.LedgerHash = DunningCase.LedgerHashOf(lines);
        if (state.Pending.Count > 0 && (state.NextAction is null || state.NextAction > date))
        {
            // Until the handler confirms, every run (a rerun the same day too) looks again and re-queues what was lost.
            state.NextAction = date;
        }

        // Queue what is new, what was queued on an earlier day, and what was queued longer ago than a queue message can
        // be in flight (its message is gone: a crash before it was queued, a lost queue). The time is stored with the
        // case, before the message is queued. A copy too many is harmless: the handler sends once per key.
        var now = clock.Now;
        var queue = new List<string>();
        for (var i = 0; i < state.Pending.Count; i++)
        {
            var pending = state.Pending[i];
            if (pending.QueuedAt is not { } at || now - at >= policies.Options.RequeuePendingAfter || clock.ToLocalDate(at) < date)
            {
                queue.Add(pending.Key);
                state.Pending[i] = pending with { QueuedAt = now };
            }
        }

        logger.LogDebug("Case {CaseId} of {CreditorId}/{DebtorId} on {AsOf}: {Reason}", state.CaseId, state.CreditorId, state.DebtorId, date, decision.Reason);
        return new Decided(decision, queue);
    }

    /// <summary>A stored decision and the keys of the pending messages to queue after it.</summary>
    private sealed record Decided(LadderDecision Ladder, IReadOnlyList<string> Queue);

    /// <summary>Only after the decision is stored: queue its messages (and any still pending), then tell the observers.</summary>
    private async Task AfterSaveAsync(ShardContext context, DunningCase state, Decided decided, DebtorLedger lines, int order, CancellationToken cancellationToken)
    {
        var date = context.Shard.Date;
        var decision = decided.Ladder;
        foreach (var pending in state.Pending.Where(p => decided.Queue.Contains(p.Key)))
        {
            await queue.SendAsync(StorageNames.Queues.SendReminder, new SendReminderMessage(state.CreditorId, state.DebtorId, pending.Key), cancellationToken: cancellationToken);
            if (pending.Key == decision.Message?.Key)
            {
                context.Tally.Queue(order, $"{state.CreditorId}/{state.DebtorId}: {pending.Template} (level {pending.Level}) for {pending.InvoiceNumbers.Count} invoice(s), deadline {pending.Deadline:yyyy-MM-dd}.");
            }
        }

        var notes = new StepNotes();
        var step = new DunningStep(state.CreditorId, state.CaseId, state.ReplyToken, lines, state.Stage, state.Pause, date, decision.Message?.Template, decision.Message?.Level, decision.HandedOver, decision.Closed, decision.Reason, notes)
        {
            Settled = decision.Settled,
            CreditReleased = decision.CreditReleased,
            PromiseRanOut = decision.PromiseRanOut,
        };
        foreach (var observer in observers)
        {
            await observer.OnStepAsync(step, cancellationToken);
        }

        var noted = notes.All;
        foreach (var note in noted)
        {
            context.Tally.Note(order, note);
        }

        context.Batch.Add(new DunningStepBatch.Entry(step, order, noted.Count));
    }

    /// <summary>After a shard is recorded done: when every shard of the run is done, exactly one caller runs the creditor's completion.</summary>
    private async Task CompleteIfLastAsync(DunningShardMessage shard, string holder, CancellationToken cancellationToken)
    {
        var run = await progress.GetAsync(shard.CreditorId, shard.Date, shard.Run, cancellationToken);
        if (run is null || run.Completed || !run.AllDone)
        {
            return;
        }

        if (!await progress.TryClaimCompletionAsync(shard.CreditorId, shard.Date, shard.Run, holder, clock.Now, CompletionClaim, cancellationToken))
        {
            return;
        }

        foreach (var observer in observers)
        {
            await observer.OnCreditorRunAsync(new CreditorRun(shard.CreditorId, shard.Date, shard.Run, run.Considered, run.Queued), cancellationToken);
        }

        // The last cycle date moves forward only: unchanged since the planner read it (not after this date), it is
        // written without a read; else it is read and compared.
        var state = new DunningRunState(shard.CreditorId, run.Plan.SnapshotId, shard.Date, false, null);
        if (run.Plan.RunStateVersion is not { } version || !await cases.TrySaveRunStateAsync(state, version, cancellationToken))
        {
            var previous = await cases.GetRunStateAsync(shard.CreditorId, cancellationToken);
            if (previous?.LastCycleDate is not { } last || last <= shard.Date)
            {
                await cases.SaveRunStateAsync(state, cancellationToken);
            }
        }

        await progress.MarkCompletedAsync(shard.CreditorId, shard.Date, shard.Run, cancellationToken);
        logger.LogInformation("Dunning for {CreditorId} on {AsOf} complete: {Shards} shard(s), {Considered} debtor(s) considered, {Queued} reminder(s) queued", shard.CreditorId, shard.Date, run.Plan.Shards, run.Considered, run.Queued);
    }

    private static DebtorLedger EmptyLedger(DunningCase state) =>
        new(new Debtor(state.CreditorId, state.DebtorId, state.DebtorName, state.DebtorEmail, state.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null), []);

    private sealed record ShardContext(DunningShardMessage Shard, SnapshotInfo Snapshot, CreditorPolicyOptions? Policies, Tally Tally, DunningStepBatch Batch);

    /// <summary>Counts and notes of one shard, safe for parallel debtors; notes come out in the order of the work.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentBag<(int Order, int Sequence, string Note)> notes = [];
        private readonly ConcurrentBag<(int Order, DebtorFailure Failure, Exception Error)> failures = [];
        private int considered;
        private int queued;
        private int sequence;

        public int Considered => considered;

        public int Queued => queued;

        public void Count() => Interlocked.Increment(ref considered);

        public void Uncount() => Interlocked.Decrement(ref considered);

        public void Queue(int order, string note)
        {
            Interlocked.Increment(ref queued);
            Note(order, note);
        }

        public void Note(int order, string note) => notes.Add((order, Interlocked.Increment(ref sequence), note));

        public IReadOnlyList<DebtorFailure> Failures => [.. failures.OrderBy(f => f.Order).Select(f => f.Failure)];

        public IReadOnlyList<Exception> Errors => [.. failures.OrderBy(f => f.Order).Select(f => f.Error)];

        public void Fail(int order, DebtorFailure failure, Exception error)
        {
            failures.Add((order, failure, error));
            Note(order, $"{failure.CreditorId}/{failure.Summary} (skipped: nothing sent; a cycle-error task is open)");
        }

        public IReadOnlyList<string> OrderedNotes() => [.. notes.OrderBy(n => n.Order).ThenBy(n => n.Sequence).Select(n => n.Note)];
    }
}
