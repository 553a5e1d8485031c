using Microsoft.Azure.Functions.Worker;
using Receivables.Dunning;

namespace Receivables.Functions.Triggers;

/// <summary>The daily dunning cycle; the schedule is the app setting <c>DunningSchedule</c> (six-field NCRONTAB).</summary>
public sealed class DunningTimer(IDunningCycle cycle)
{
    [Function(nameof(DunningTimer))]
    public Task Run([TimerTrigger("%DunningSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        cycle.RunAsync(asOf: null, cancellationToken);
}
