using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>The body of a <see cref="StorageNames.Queues.SendReminder"/> message: which decided message to send.</summary>
public sealed record SendReminderMessage(string CreditorId, string DebtorId, string Key);

/// <summary>
/// The daily cycle. Per creditor: refuse stale ledgers; when the ledger changed, re-evaluate the debtors whose lines
/// changed (by hash) and those due; when it did not, only the cases whose next action date has come. Decisions are
/// recorded on the case (ETag) before the message is queued; a queued message that was lost is queued again on the next
/// run, and the handler makes sending idempotent.
/// </summary>
public sealed class DunningCycle(
    ILedgerReader ledger,
    ICaseStore cases,
    DunningPolicies policies,
    IOptions<ReceivablesOptions> receivables,
    BusinessClock clock,
    IMessageQueue queue,
    ITaskStore tasks,
    IEnumerable<IOpenItemAdjustments> adjustments,
    IServiceProvider services,
    ILogger<DunningCycle> logger) : IDunningCycle
{
    public Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default) =>
        RunAsync(asOf, null, cancellationToken);

    /// <summary>Runs the cycle for one creditor (or all when <paramref name="creditorId"/> is null).</summary>
    public async Task<DunningCycleResult> RunAsync(DateOnly? asOf, string? creditorId, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? clock.Today;
        var creditors = receivables.Value.Creditors.Keys.Order(StringComparer.Ordinal).ToList();
        if (creditorId is not null)
        {
            if (!receivables.Value.Creditors.ContainsKey(creditorId))
            {
                throw new ReceivablesException($"Creditor '{creditorId}' is not configured (Receivables:Creditors:{creditorId}); configured: {string.Join(", ", creditors)}.");
            }

            creditors = [creditorId];
        }

        var tally = new Tally();
        if (!NorwegianCalendar.IsBusinessDay(date))
        {
            logger.LogInformation("{AsOf} is not a business day; the dunning cycle sends nothing and the next business day catches up", date);
            tally.Notes.Add($"{date:yyyy-MM-dd} is not a business day (weekend or public holiday): nothing sent; the next business day catches up.");
            return new DunningCycleResult(date, 0, 0, tally.Notes);
        }

        foreach (var creditor in creditors)
        {
            await RunCreditorAsync(creditor, date, tally, cancellationToken);
        }

        return new DunningCycleResult(date, tally.Considered, tally.Queued, tally.Notes);
    }

    private async Task RunCreditorAsync(string creditorId, DateOnly date, Tally tally, CancellationToken cancellationToken)
    {
        var snapshot = await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken);
        var previous = await cases.GetRunStateAsync(creditorId, cancellationToken);
        if (snapshot is null)
        {
            logger.LogWarning("No accepted ledger for {CreditorId}: the dunning cycle sends nothing for it", creditorId);
            tally.Notes.Add($"{creditorId}: no accepted ledger yet; nothing sent.");
            await cases.SaveRunStateAsync(new DunningRunState(creditorId, previous?.LastSnapshotId, previous?.LastCycleDate, true, "no accepted ledger"), cancellationToken);
            return;
        }

        var age = date.DayNumber - clock.ToLocalDate(snapshot.TakenAt).DayNumber;
        var maxAge = policies.Options.MaxLedgerAgeDays;
        if (age > maxAge)
        {
            var reason = $"latest ledger taken {snapshot.TakenAt:yyyy-MM-dd} is {age} days old (max {maxAge}, {DunningOptions.Section}:MaxLedgerAgeDays)";
            logger.LogWarning("Ledger of {CreditorId} is stale: taken {TakenAt}, {AgeDays} days old, max {MaxAgeDays}; the dunning cycle sends nothing for it until a fresh ledger is uploaded", creditorId, snapshot.TakenAt, age, maxAge);
            tally.Notes.Add($"{creditorId}: stale ledger, nothing sent: {reason}.");
            await cases.SaveRunStateAsync(new DunningRunState(creditorId, previous?.LastSnapshotId, previous?.LastCycleDate, true, reason), cancellationToken);
            return;
        }

        if (previous?.LastCycleDate is { } last && last < date)
        {
            var missed = NorwegianCalendar.BusinessDaysBetween(last, date) - 1;
            if (missed > 0)
            {
                logger.LogInformation("Dunning for {CreditorId} last ran {LastCycleDate}; catching up {MissedDays} missed business day(s)", creditorId, last, missed);
                tally.Notes.Add($"{creditorId}: caught up {missed} missed business day(s) since {last:yyyy-MM-dd}.");
            }
        }

        var queuedBefore = tally.Queued;
        if (previous?.LastSnapshotId != snapshot.SnapshotId)
        {
            await FullPassAsync(creditorId, date, tally, cancellationToken);
        }
        else
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var dueCase in cases.DueAsync(creditorId, date, cancellationToken))
            {
                done.Add(dueCase.DebtorId);
                var lines = await ledger.GetDebtorAsync(snapshot, dueCase.DebtorId, cancellationToken) ?? EmptyLedger(dueCase);
                await ProcessAsync(dueCase, lines, date, tally, cancellationToken);
            }

            await AdjustedAsync(creditorId, snapshot, date, done, tally, cancellationToken);
        }

        foreach (var observer in services.GetServices<IDunningStepObserver>())
        {
            await observer.OnCreditorRunAsync(creditorId, date, cancellationToken);
        }

        await cases.SaveRunStateAsync(new DunningRunState(creditorId, snapshot.SnapshotId, Max(previous?.LastCycleDate, date), false, null), cancellationToken);
        logger.LogInformation("Dunning for {CreditorId} on {AsOf}: {Considered} debtor(s) considered, {Queued} reminder(s) queued", creditorId, date, tally.Considered, tally.Queued - queuedBefore);
    }

    private async Task FullPassAsync(string creditorId, DateOnly date, Tally tally, CancellationToken cancellationToken)
    {
        var summaries = new Dictionary<string, CaseSummary>(StringComparer.Ordinal);
        await foreach (var summary in cases.SummariesAsync(creditorId, cancellationToken))
        {
            summaries[summary.DebtorId] = summary;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var created = new List<(DunningCase Case, LadderDecision Decision, DebtorLedger Lines)>();
        await foreach (var lines in ledger.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            var debtorId = lines.Debtor.DebtorId;
            seen.Add(debtorId);
            if (summaries.TryGetValue(debtorId, out var summary))
            {
                if (summary.LedgerHash == DunningCase.LedgerHashOf(lines) && (summary.NextAction is null || summary.NextAction > date))
                {
                    continue;
                }

                var existing = await cases.GetAsync(creditorId, debtorId, cancellationToken);
                await ProcessAsync(existing ?? cases.New(creditorId, debtorId), lines, date, tally, cancellationToken);
            }
            else if (lines.Invoices.Sum(i => i.OpenAmount) > 0m)
            {
                var fresh = cases.New(creditorId, debtorId);
                created.Add((fresh, Decide(fresh, lines, date, tally), lines));
                if (created.Count >= 100)
                {
                    await FlushAsync(created, date, tally, cancellationToken);
                }
            }
        }

        await FlushAsync(created, date, tally, cancellationToken);

        foreach (var gone in summaries.Values.Where(s => !seen.Contains(s.DebtorId) && s.Stage != CaseStages.Closed))
        {
            // The debtor has no open lines any more: paid in full.
            var existing = await cases.GetAsync(creditorId, gone.DebtorId, cancellationToken);
            if (existing is not null)
            {
                await ProcessAsync(existing, EmptyLedger(existing), date, tally, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Debtors whose open items changed without a new snapshot (bank payments, <see cref="IOpenItemAdjustments"/>):
    /// their cases are decided again the same day when what the ladder reads differs from what it last read.
    /// </summary>
    private async Task AdjustedAsync(string creditorId, SnapshotInfo snapshot, DateOnly date, HashSet<string> done, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var source in adjustments)
        {
            foreach (var debtorId in (await source.ForCreditorAsync(creditorId, cancellationToken)).Keys.Where(done.Add))
            {
                if (await cases.GetAsync(creditorId, debtorId, cancellationToken) is { } existing
                    && await ledger.GetDebtorAsync(snapshot, debtorId, cancellationToken) is { } lines
                    && existing.LedgerHash != DunningCase.LedgerHashOf(lines))
                {
                    await ProcessAsync(existing, lines, date, tally, cancellationToken);
                }
            }
        }
    }

    private LadderDecision Decide(DunningCase state, DebtorLedger lines, DateOnly date, Tally tally)
    {
        tally.Considered++;
        var policy = policies.For(state.CreditorId, lines.Debtor);
        var decision = Ladder.Evaluate(state, lines, policy, date, policies.Rates, policies.Options.CollectionNotice);
        state.LedgerHash = DunningCase.LedgerHashOf(lines);
        if (state.Pending.Count > 0 && (state.NextAction is null || state.NextAction > date.AddDays(1)))
        {
            // Until the handler confirms, the next run looks again and re-queues what may have been lost.
            state.NextAction = date.AddDays(1);
        }

        logger.LogDebug("Case {CaseId} of {CreditorId}/{DebtorId} on {AsOf}: {Reason}", state.CaseId, state.CreditorId, state.DebtorId, date, decision.Reason);
        return decision;
    }

    private async Task ProcessAsync(DunningCase state, DebtorLedger lines, DateOnly date, Tally tally, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var decision = Decide(state, lines, date, tally);
            try
            {
                await cases.SaveAsync(state, cancellationToken);
            }
            catch (CaseConflictException) when (attempt < 3)
            {
                tally.Considered--;
                state = await cases.GetAsync(state.CreditorId, state.DebtorId, cancellationToken) ?? cases.New(state.CreditorId, state.DebtorId);
                continue;
            }

            await AfterSaveAsync(state, decision, lines, date, tally, cancellationToken);
            return;
        }
    }

    private async Task FlushAsync(List<(DunningCase Case, LadderDecision Decision, DebtorLedger Lines)> created, DateOnly date, Tally tally, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            return;
        }

        await cases.InsertManyAsync([.. created.Select(c => c.Case)], cancellationToken);
        foreach (var (state, decision, lines) in created.Where(c => c.Case.Version is not null))
        {
            await AfterSaveAsync(state, decision, lines, date, tally, cancellationToken);
        }

        created.Clear();
    }

    /// <summary>Only after the decision is stored: queue its messages (and any still pending) and open hand-over tasks.</summary>
    private async Task AfterSaveAsync(DunningCase state, LadderDecision decision, DebtorLedger lines, DateOnly date, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var pending in state.Pending)
        {
            await queue.SendAsync(StorageNames.Queues.SendReminder, new SendReminderMessage(state.CreditorId, state.DebtorId, pending.Key), cancellationToken: cancellationToken);
            if (pending.Key == decision.Message?.Key)
            {
                tally.Queued++;
                tally.Notes.Add($"{state.CreditorId}/{state.DebtorId}: {pending.Template} (level {pending.Level}) for {pending.InvoiceNumbers.Count} invoice(s), deadline {pending.Deadline:yyyy-MM-dd}.");
            }
        }

        if (decision.HandedOver.Count > 0)
        {
            var mode = policies.Options.CollectionNotice;
            var key = $"dunning-handover|{state.CreditorId}|{state.DebtorId}|{date:yyyy-MM-dd}";
            var archive = services.GetService<IEvidenceArchive>()
                ?? throw new InvalidOperationException("No IEvidenceArchive is registered (the Evidence feature); the hand-over decision cannot be archived.");

            // The escalation gate recommends the next step from the facts (collection, plan, extend, write down).
            var advice = services.GetService<IEscalationAdvisor>() is { } advisor
                ? await advisor.AdviseAsync(lines, state.CaseId, date, cancellationToken)
                : null;
            await archive.AppendAsync(
                new EvidenceItem(
                    state.CreditorId,
                    state.DebtorId,
                    state.CaseId,
                    EvidenceKinds.Decision,
                    advice is null ? "Ladder handed the case to a person" : $"Ladder handed the case to a person; the gate recommends {advice.Outcome}",
                    "application/json",
                    JsonSerializer.SerializeToUtf8Bytes(new { decision = "hand-over", date, invoices = decision.HandedOver, collectionNotice = mode.ToString(), reason = decision.Reason, recommendation = advice?.Outcome, reasons = advice?.Reasons, facts = advice?.Facts }, Json.Indented),
                    Actors.Rule,
                    key,
                    clock.Now,
                    advice is null ? null : new Dictionary<string, string> { ["recommendation"] = advice.Outcome, [EvidenceMetadata.Summary] = advice.Summary }),
                cancellationToken);
            await tasks.OpenAsync(
                state.CreditorId,
                TaskKinds.DecideEscalation,
                state.DebtorId,
                state.CaseId,
                $"Decide next step for {state.DebtorName}" + (advice is null ? "" : $" (recommended: {advice.Outcome})"),
                $"The reminder ladder has no further automatic step for invoice(s) {string.Join(", ", decision.HandedOver)} (collection notice mode: {mode}). Call the customer, agree a plan, or hand over to collection."
                    + (advice is null ? "" : $" {advice.Summary} Record the decision: tasks done <id> --outcome {string.Join("|", EscalationOutcomes.All)}."),
                key,
                cancellationToken);
            tally.Notes.Add($"{state.CreditorId}/{state.DebtorId}: handed to a person ({string.Join(", ", decision.HandedOver)})" + (advice is null ? "." : $"; gate recommends {advice.Outcome}: {string.Join("; ", advice.Reasons)}."));
        }

        foreach (var observer in services.GetServices<IDunningStepObserver>())
        {
            await observer.OnStepAsync(
                new DunningStep(state.CreditorId, state.CaseId, state.ReplyToken, lines, state.Stage, state.Pause, date, decision.Message?.Template, decision.Message?.Level, decision.HandedOver, decision.Closed),
                cancellationToken);
        }
    }

    private static DebtorLedger EmptyLedger(DunningCase state) =>
        new(new Debtor(state.CreditorId, state.DebtorId, state.DebtorName, state.DebtorEmail, state.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null), []);

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private sealed class Tally
    {
        public int Considered { get; set; }

        public int Queued { get; set; }

        public List<string> Notes { get; } = [];
    }
}
