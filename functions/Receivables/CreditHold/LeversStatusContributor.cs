using Receivables.Actions;
using Receivables.Status;

namespace Receivables.CreditHold;

public sealed class LeversStatusContributor(CreditHolds holds, ITaskStore tasks) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var held = new List<HeldDebtorLine>();
        await foreach (var state in holds.ListAsync(creditor.CreditorId, cancellationToken))
        {
            if (state.Held)
            {
                held.Add(new HeldDebtorLine(state.DebtorId, state.HoldId, state.RaisedOn, state.Reason));
            }
        }

        var calls = 0;
        var escalations = new List<EscalationLine>();
        await foreach (var task in tasks.ListAsync(creditor.CreditorId, openOnly: true, cancellationToken))
        {
            if (task.Kind == TaskKinds.CallDebtor)
            {
                calls++;
            }
            else if (task.Kind == TaskKinds.DecideEscalation)
            {
                var at = task.Details.IndexOf("Recommendation:", StringComparison.Ordinal);
                escalations.Add(new EscalationLine(task.TaskId, task.DebtorId, at < 0 ? "no recommendation" : task.Details[at..]));
            }
        }

        creditor.Add(new LeversStatusSection(held, calls, escalations));
    }
}
