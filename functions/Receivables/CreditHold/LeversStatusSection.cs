using System.Globalization;
using System.Text.Json.Serialization;
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
