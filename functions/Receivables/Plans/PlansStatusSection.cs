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

public sealed record PlanLine(string PlanId, string DebtorId, string Status, decimal Claim, string Currency, decimal Paid, int Missed, DateOnly? NextDue);

public sealed class PlansStatusContributor(IPlanStore plans) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var all = new List<RepaymentPlan>();
        await foreach (var plan in plans.ListAsync(creditor.CreditorId, null, cancellationToken))
        {
            all.Add(plan);
        }

        creditor.Add(new PlansStatusSection(
            all.GroupBy(p => p.Status.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            [.. all.Where(p => p.IsActive).OrderBy(p => p.DebtorId, StringComparer.Ordinal).Select(p => new PlanLine(
                p.PlanId, p.DebtorId, p.Status.ToString(), p.Claim, p.Currency, p.Paid, p.Missed.Count,
                p.Installments.FirstOrDefault(i => !p.PaidInstallments.Contains(i.Number))?.DueDate))]));
    }
}
