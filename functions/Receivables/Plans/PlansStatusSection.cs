using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Status;

namespace Receivables.Plans;

/// <summary>The <c>status</c> section of repayment plans: counts per status and each plan that is not finished.</summary>
public sealed record PlansStatusSection(IReadOnlyDictionary<string, int> PerStatus, IReadOnlyList<PlanLine> Active) : IStatusSection
{
    [JsonIgnore]
    public string Key => "plans";

    [JsonIgnore]
    public string Title => "Repayment plans";

    public void WriteText(TextWriter writer, string indent)
    {
        writer.WriteLine(PerStatus.Count == 0 ? $"{indent}none" : $"{indent}{string.Join(", ", PerStatus.Select(kv => $"{kv.Key} {kv.Value}"))}");
        foreach (var plan in Active)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}{plan.PlanId}  {plan.DebtorId}  {plan.Status}: claim {plan.Claim:0.00} {plan.Currency}, paid {plan.Paid:0.00}, missed {plan.Missed}{(plan.NextDue is { } next ? $", next {next:yyyy-MM-dd}" : "")}"));
        }
    }
}
