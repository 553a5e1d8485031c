using System.Globalization;
using System.Text;
using Receivables.Email;

namespace Receivables.Plans;

/// <summary>Plain lines about a plan for a person (tasks, listings) and the schedule table of the letters.</summary>
public static class PlanText
{
    /// <summary>One line a person reads in a task or listing.</summary>
    public static string Describe(RepaymentPlan plan)
    {
        var first = plan.Installments.FirstOrDefault();
        return string.Create(CultureInfo.InvariantCulture, $"Claim {plan.Claim:0.00} {plan.Currency} (principal {plan.Principal:0.00}, fees {plan.Fees:0.00}, interest {plan.Interest:0.00}, compensation {plan.Compensation:0.00}); {plan.Installments.Count} {plan.Frequency.ToString().ToLowerInvariant()} payments from {first?.DueDate:yyyy-MM-dd} to {plan.Installments.LastOrDefault()?.DueDate:yyyy-MM-dd}, first {first?.Amount:0.00}; total {plan.TotalToPay:0.00}")
            + (plan.Kid is { } kid ? $"; KID {kid}" : "")
            + (plan.FeesWaivedIfKept > 0m ? string.Create(CultureInfo.InvariantCulture, $"; fees {plan.FeesWaivedIfKept:0.00} waived if kept") : "")
            + (plan.CompensationWaived > 0m ? string.Create(CultureInfo.InvariantCulture, $"; compensation {plan.CompensationWaived:0.00} waived") : "")
            + (plan.SettlementAmount is { } s ? string.Create(CultureInfo.InvariantCulture, $"; settlement offer {s:0.00} by {plan.SettlementPayBy:yyyy-MM-dd}") : "")
            + (plan.RequiresSecurity ? "; security and a signed debt confirmation asked for" : "")
            + (plan.SecurityOutcome is { } outcome ? $"; security {outcome} by {plan.SecurityDecidedBy}" : "")
            + ".";
    }

    /// <summary>The schedule as a table of lines, from the stored figures only (never from a model).</summary>
    public static string ScheduleText(RepaymentPlan plan, string language)
    {
        var en = language == "en";
        var text = new StringBuilder();
        text.AppendLine(en ? "No.  Due date            Amount" : "Nr.  Forfall             Beløp");
        foreach (var i in plan.Installments)
        {
            var label = i.IsDownPayment ? (en ? " (down payment)" : " (forskudd)") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Number,3}  {LetterFormat.Date(i.DueDate, language),-18}  {LetterFormat.Amount(i.Amount, plan.Currency, language),16}{label}");
        }

        text.Append(en ? "Total: " : "Sum: ").Append(LetterFormat.Amount(plan.TotalToPay, plan.Currency, language));
        return text.ToString();
    }
}
