using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>Cases per stage, paused cases and stale creditors (whose ledger is too old for the cycle to send anything).</summary>
public sealed class DunningStatusReader(ICaseStore cases, ICycleProgressStore progress, ILedgerReader ledger, DunningPolicies policies, ICreditorDirectory creditors, BusinessClock clock)
{
    public async Task<IReadOnlyList<CreditorDunningStatus>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<CreditorDunningStatus>();
        foreach (var creditorId in (await creditors.ActiveAsync(cancellationToken)).Keys.Order(StringComparer.Ordinal))
        {
            result.Add(await ReadAsync(creditorId, clock.Today, cancellationToken));
        }

        return result;
    }

    public async Task<CreditorDunningStatus> ReadAsync(string creditorId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var stages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var paused = 0;
        var pending = 0;
        await foreach (var summary in cases.SummariesAsync(creditorId, cancellationToken))
        {
            stages[summary.Stage] = stages.GetValueOrDefault(summary.Stage) + 1;
            paused += summary.Paused ? 1 : 0;
            pending += summary.HasPending ? 1 : 0;
        }

        var run = await cases.GetRunStateAsync(creditorId, cancellationToken);
        var (stale, reason) = await StalenessAsync(creditorId, asOf, cancellationToken);
        var latest = await progress.GetLatestAsync(creditorId, cancellationToken) is { } l ? await progress.GetAsync(creditorId, l.Date, l.Run, cancellationToken) : null;
        return new CreditorDunningStatus(creditorId, stages, paused, pending, run?.LastCycleDate, stale, reason, latest);
    }

    /// <summary>Whether the cycle would refuse this creditor on <paramref name="asOf"/>, and why.</summary>
    public async Task<(bool Stale, string? Reason)> StalenessAsync(string creditorId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var snapshot = await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken);
        if (snapshot is null)
        {
            return (true, "no accepted ledger yet");
        }

        var age = asOf.DayNumber - clock.ToLocalDate(snapshot.TakenAt).DayNumber;
        var max = policies.Options.MaxLedgerAgeDays;
        return age > max
            ? (true, $"latest ledger taken {snapshot.TakenAt:yyyy-MM-dd} is {age} days old (max {max}, {DunningOptions.Section}:MaxLedgerAgeDays): no reminders are sent until a fresh ledger is uploaded")
            : (false, null);
    }
}
