using Receivables.Status;

namespace Receivables.Dunning;

public sealed class DunningStatusContributor(DunningStatusReader reader) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var status = await reader.ReadAsync(creditor.CreditorId, asOf, cancellationToken);
        creditor.Add(new DunningStatusSection(status.CasesPerStage, status.Paused, status.PendingMessages, status.LastCycleDate, status.Stale, status.StaleReason, status.LatestCycle?.ToString(),
            status.LatestCycle is { HadFailures: true } failed ? [.. failed.Errors.DefaultIfEmpty("a shard failed; see the poison queue dunning-shard-poison")] : null));
    }
}
