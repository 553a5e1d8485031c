using Receivables.Actions;
using Receivables.CreditHold;

namespace Receivables.Local.Demo;

/// <summary>The levers beyond reminders in the demo summary: credit holds and the escalation gate's recommendations.</summary>
internal sealed partial class DemoSummary
{
    private async Task PrintLeversAsync(CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("Credit holds (queue 'credit-hold'):");
        var any = false;
        await foreach (var hold in host.Get<CreditHolds>().ListAsync(DemoScenario.Creditor, cancellationToken))
        {
            any = true;
            output.WriteLine($"- {hold.DebtorId} {hold.HoldId}: raised {hold.RaisedOn:yyyy-MM-dd} ({hold.Reason}){(hold.LiftedOn is { } lifted ? $", lifted {lifted:yyyy-MM-dd}" : ", still held")}");
        }

        if (!any)
        {
            output.WriteLine("- none");
        }

        output.WriteLine();
        output.WriteLine("Escalation gate:");
        await foreach (var task in host.Get<ITaskStore>().ListAsync(DemoScenario.Creditor, openOnly: false, cancellationToken))
        {
            var at = task.Details.IndexOf("Recommendation:", StringComparison.Ordinal);
            if (task.Kind == TaskKinds.DecideEscalation && at >= 0)
            {
                output.WriteLine($"- {task.DebtorId} ({task.TaskId}): {task.Details[at..]}");
            }
        }
    }
}
