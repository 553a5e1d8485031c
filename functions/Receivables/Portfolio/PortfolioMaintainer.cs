using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;

namespace Receivables.Portfolio;

/// <summary>
/// Keeps each creditor's <see cref="PortfolioIndex"/> current: rebuilt when a ledger snapshot is accepted or
/// confirmed and after every dunning run (stages change), counting the reminders the run queued (all its shards). The
/// work is one read of the snapshot per event, never per page view, and of the case summaries only for a new snapshot
/// (else the cases saved since the last build, from their journal rows).
/// </summary>
public sealed class PortfolioMaintainer(
    ILedgerReader ledger,
    ICaseStore cases,
    IPortfolioStore store,
    BusinessClock clock,
    ILogger<PortfolioMaintainer> logger) : ILedgerObserver, IDunningStepObserver
{
    public Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) =>
        RebuildAsync(snapshot.CreditorId, cancellationToken);

    public Task OnSnapshotConfirmedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) =>
        RebuildAsync(snapshot.CreditorId, cancellationToken, fromJournal: true);

    public Task OnStepAsync(DunningStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the creditor's run: the reminders it sent are the run's own count (every shard's, on whichever host
    /// worked it), not what this process happened to see.
    /// </summary>
    public async Task OnCreditorRunAsync(CreditorRun run, CancellationToken cancellationToken)
    {
        var sentOn = new Dictionary<DateOnly, int>();
        if (run.Queued > 0)
        {
            sentOn[run.Date] = run.Queued;
        }

        await RebuildAsync(run.CreditorId, cancellationToken, sentOn, run.Date, fromJournal: true);
    }

    /// <summary>
    /// Rebuilds the creditor's index from the latest snapshot and the cases (also when none exists yet). With
    /// <paramref name="fromJournal"/> (after a run, or a re-upload that confirmed the snapshot) and the snapshot the index
    /// was built from, the stages are the previous index's with the cases saved since it was built laid over them (the
    /// cases' journal), so an unchanged day reads no case it did not change; a new snapshot reads every case's summary.
    /// </summary>
    public async Task<PortfolioIndex> RebuildAsync(string creditorId, CancellationToken cancellationToken, IReadOnlyDictionary<DateOnly, int>? sentOn = null, DateOnly? asOf = null, bool fromJournal = false)
    {
        var started = clock.Time.GetTimestamp();
        var previous = (await store.GetAsync(creditorId, cancellationToken))?.Index;
        var snapshot = await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken);
        var summaries = new Dictionary<string, CaseSummary>(StringComparer.Ordinal);
        var incremental = fromJournal && previous is { Journaled: true } && snapshot is not null && previous.SnapshotId == snapshot.SnapshotId;
        var prior = incremental ? previous!.Debtors.ToDictionary(d => d.Id, StringComparer.Ordinal) : null;
        var read = incremental
            ? cases.SavedSinceAsync(creditorId, DateOnly.FromDateTime(previous!.BuiltAt.UtcDateTime), cancellationToken)
            : cases.SummariesAsync(creditorId, cancellationToken);
        await foreach (var summary in read)
        {
            summaries[summary.DebtorId] = summary;
        }

        var date = asOf is { } d && d > clock.Today ? d : clock.Today;
        var builder = new PortfolioBuilder(creditorId, date, previous);
        var changes = new List<LedgerChange>();
        if (snapshot is not null)
        {
            await foreach (var debtor in ledger.ReadDebtorsAsync(snapshot, cancellationToken))
            {
                var id = debtor.Debtor.DebtorId;
                if (summaries.TryGetValue(id, out var summary) || prior is null)
                {
                    builder.Add(debtor, summary);
                }
                else if (prior.TryGetValue(id, out var before))
                {
                    builder.Add(debtor, before.Stage, before.NextAction);
                }
                else
                {
                    builder.Add(debtor, null);
                }
            }

            if (previous?.CountedSnapshots.Contains(snapshot.SnapshotId) != true)
            {
                await foreach (var change in ledger.ReadChangesAsync(creditorId, snapshot.SnapshotId, cancellationToken))
                {
                    changes.Add(change);
                }
            }
        }

        var index = builder.Build(snapshot, changes, snapshot is null ? date : clock.ToLocalDate(snapshot.TakenAt), sentOn ?? new Dictionary<DateOnly, int>(), clock.Now);
        await store.SaveAsync(index, cancellationToken);
        logger.LogInformation("Portfolio index of {CreditorId} rebuilt ({How}): {Debtors} debtors, {Cases} case(s) read, in {Milliseconds} ms", creditorId, incremental ? "cases saved since the last build" : "every case", index.Debtors.Count, summaries.Count, (long)clock.Time.GetElapsedTime(started).TotalMilliseconds);
        return index;
    }
}
