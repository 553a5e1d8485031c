using Receivables.Actions;
using Receivables.CreditHold;
using Receivables.Handover;

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
                output.WriteLine($"- {task.DebtorId} ({task.TaskId}): {task.Details[at..]}{(task.IsOpen ? "" : $" Decided: {task.Outcome}.")}");
            }
        }

        var handover = Path.Combine(host.DataPath, "handover");
        var (claimFile, bundleFile, content) = await host.Get<HandoverExporter>().ExportAsync(DemoScenario.Creditor, "K-1001", handover, cancellationToken);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Hand-over to collection for {content.Debtor.Name}: {content.Totals.Total:0.00} {content.Currency} (principal {content.Totals.Principal:0.00}, fees {content.Totals.Fees:0.00}, interest {content.Totals.Interest:0.00}); {content.Reminders.Count} messages listed"));
        output.WriteLine($"  claim file {claimFile}");
        output.WriteLine($"  evidence   {bundleFile}");
    }
}
