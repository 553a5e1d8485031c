using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Actions;
using Receivables.Status;

namespace Receivables.CreditHold;

/// <summary>
/// The <c>status</c> section of the levers beyond reminders: debtors on credit hold, open call tasks and escalation
/// decisions waiting with the gate's recommendation.
/// </summary>
public sealed record LeversStatusSection(IReadOnlyList<HeldDebtorLine> CreditHolds, int CallsOpen, IReadOnlyList<EscalationLine> Escalations) : IStatusSection
{
    [JsonIgnore]
    public string Key => "levers";

    [JsonIgnore]
    public string Title => "Calls, credit holds and escalations";

    public void WriteText(TextWriter writer, string indent)
    {
        writer.WriteLine($"{indent}credit hold: {(CreditHolds.Count == 0 ? "none" : string.Join(", ", CreditHolds.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.DebtorId} since {h.Since:yyyy-MM-dd}"))))}");
        writer.WriteLine($"{indent}calls to make: {CallsOpen}");
        foreach (var e in Escalations)
        {
            writer.WriteLine($"{indent}escalation {e.TaskId} {e.DebtorId}: {e.Recommendation}");
        }
    }
}

public sealed record HeldDebtorLine(string DebtorId, string HoldId, DateOnly Since, string Reason);

public sealed record EscalationLine(string TaskId, string? DebtorId, string Recommendation);

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
