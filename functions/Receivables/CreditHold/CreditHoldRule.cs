using System.Globalization;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Plans;

namespace Receivables.CreditHold;

/// <summary>When a debtor is held: the configured stage reached or the overdue amount at least the minimum, and no plan allowing deliveries.</summary>
public static class CreditHoldRule
{
    private static readonly string[] StageOrder = [CaseStages.Current, CaseStages.Friendly, CaseStages.Reminder, CaseStages.CollectionNotice, CaseStages.Manual];

    /// <summary>What is overdue on <paramref name="date"/>, net of credit notes and unapplied payments, and its currency.</summary>
    public static (decimal Overdue, string Currency) Overdue(DebtorLedger lines, DateOnly date)
    {
        var open = lines.Invoices.Where(i => i.OpenAmount != 0m).ToList();
        var overdue = Math.Max(0m, open.Where(i => i.OpenAmount > 0m && i.DueDate < date).Sum(i => i.OpenAmount) + open.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount));
        return (overdue, open.Select(i => i.Currency).FirstOrDefault() ?? "NOK");
    }

    /// <summary>
    /// A stored plan in force decides by its delivery condition (installments paid); a case paused for a plan that the
    /// plans feature does not know (set by a person) counts as in force.
    /// </summary>
    public static bool PlanAllowsDeliveries(PauseReason? pause, PlanFacts facts) =>
        facts.HasPlanInForce ? facts.DeliveriesMayResume : pause == PauseReason.PlanInForce;

    /// <summary>Why the debtor is to be held, or null.</summary>
    public static string? HoldReason(string stage, decimal overdue, string currency, bool planInForce, CreditHoldOptions o)
    {
        if (overdue <= 0m || planInForce)
        {
            return null;
        }

        var reached = Array.IndexOf(StageOrder, stage);
        if (o.Stage.Length > 0 && reached >= 0 && reached >= Array.IndexOf(StageOrder, o.Stage))
        {
            return stage == o.Stage ? $"reached the {stage} stage (Receivables:CreditHold:Stage)" : $"reached the {stage} stage, at or past {o.Stage} (Receivables:CreditHold:Stage)";
        }

        return o.MinimumOverdue > 0m && overdue >= o.MinimumOverdue
            ? string.Create(CultureInfo.InvariantCulture, $"{overdue:0.00} {currency} overdue, at least {o.MinimumOverdue:0.00} (Receivables:CreditHold:MinimumOverdue)")
            : null;
    }

    /// <summary>Why a held debtor is released, or null while the hold stands.</summary>
    public static string? LiftReason(decimal overdue, bool planInForce) =>
        overdue <= 0m ? "the ledger shows nothing overdue" : planInForce ? "a repayment plan is in force" : null;
}
