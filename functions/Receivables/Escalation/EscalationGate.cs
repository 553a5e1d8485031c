using System.Globalization;

namespace Receivables.Escalation;

/// <summary>
/// The escalation gate's rules, pure: from the facts, one recommendation with its reasons. Order: a claim too small to
/// collect is written down; a debtor with liquidity problems (says so, or pays in part) gets a plan, because collection
/// only adds costs they cannot pay, unless plans were broken too often; a responsive debtor early on gets more time;
/// a silent debtor who can pay goes to collection.
/// </summary>
public static class EscalationGate
{
    /// <summary>
    /// The recommendation. Collection is never recommended while the notices the law requires are missing
    /// (<see cref="EscalationFacts.NoticeMissing"/>): the gate says why and recommends more time with a notice first.
    /// </summary>
    public static EscalationAdvice Recommend(EscalationFacts facts, EscalationOptions options)
    {
        var advice = Weigh(facts, options);
        if (advice.Recommendation != EscalationRecommendation.Collection || facts.NoticeMissing is not { } missing)
        {
            return advice;
        }

        List<string> reasons =
        [
            "collection is refused: " + missing,
            "send the inkassovarsel first (by post if email cannot reach the debtor), giving at least 14 days, and decide again after its deadline",
            .. advice.Reasons.Where(r => !r.Contains("nothing suggests the debtor cannot pay", StringComparison.Ordinal)),
        ];
        return new EscalationAdvice(EscalationRecommendation.ExtendCredit, reasons, facts);
    }

    private static EscalationAdvice Weigh(EscalationFacts facts, EscalationOptions options)
    {
        var reasons = new List<string>();
        var amount = Money(facts.OverdueAmount, facts.Currency);

        if (facts.OverdueAmount < options.MinimumForCollection)
        {
            reasons.Add($"{amount} overdue is below the collection minimum of {Money(options.MinimumForCollection, facts.Currency)} (Receivables:Escalation:MinimumForCollection): an agency's costs would outweigh what it recovers");
            return new EscalationAdvice(EscalationRecommendation.WriteDown, reasons, facts);
        }

        var liquidity = new List<string>();
        if (facts.LiquidityReplies > 0)
        {
            liquidity.Add($"the debtor wrote {Times(facts.LiquidityReplies)} about liquidity problems");
        }

        if (facts.PartlyPaidInvoices > 0)
        {
            liquidity.Add($"the debtor has paid {Money(facts.PaidOnOverdueInvoices, facts.Currency)} in part on {Count(facts.PartlyPaidInvoices, "invoice")}: willing, but short of money");
        }

        if (liquidity.Count > 0)
        {
            reasons.AddRange(liquidity);
            if (facts.PlansBroken >= options.MaxBrokenPlans)
            {
                reasons.Add($"{Count(facts.PlansBroken, "repayment plan")} already broken (limit {options.MaxBrokenPlans}, Receivables:Escalation:MaxBrokenPlans): another plan is unlikely to hold");
                reasons.Add("sending an illiquid debtor to collection only adds costs (collection fees fall on the debtor and reduce what can be recovered): consider writing down part of the claim");
                return new EscalationAdvice(EscalationRecommendation.WriteDown, reasons, facts);
            }

            if (facts.PlansBroken > 0)
            {
                reasons.Add($"{Count(facts.PlansBroken, "plan")} broken so far, below the limit of {options.MaxBrokenPlans}");
            }

            reasons.Add("sending an illiquid debtor to collection only adds costs (collection fees fall on the debtor and reduce what can be recovered): a plan recovers more");
            return new EscalationAdvice(EscalationRecommendation.Plan, reasons, facts);
        }

        if (facts.PromiseReplies > 0 && facts.PlansBroken == 0 && facts.OldestDaysOverdue <= options.ExtendMaxDaysOverdue)
        {
            reasons.Add($"the debtor replied {Times(facts.PromiseReplies)} with a promise to pay and is responsive");
            reasons.Add($"the oldest claim is {facts.OldestDaysOverdue} days overdue, within {options.ExtendMaxDaysOverdue} days (Receivables:Escalation:ExtendMaxDaysOverdue)");
            reasons.Add("a short extension with a firm date keeps the customer; collection remains possible afterwards");
            return new EscalationAdvice(EscalationRecommendation.ExtendCredit, reasons, facts);
        }

        reasons.Add(facts.Replies == 0
            ? $"no reply to {Count(facts.RemindersSent, "reminder")}"
            : $"{Count(facts.Replies, "reply", "replies")} but no payment, no plan and no liquidity problem stated");
        reasons.Add($"nothing paid on {Count(facts.OverdueInvoices, "overdue invoice")} ({amount}), the oldest {facts.OldestDaysOverdue} days overdue");
        if (facts.PlansBroken > 0)
        {
            reasons.Add($"{Count(facts.PlansBroken, "repayment plan")} broken");
        }

        if (facts.DisputeReplies > 0)
        {
            reasons.Add("the debtor disputed the claim earlier: give the agency the dispute and its resolution");
        }

        reasons.Add($"{amount} is above the collection minimum of {Money(options.MinimumForCollection, facts.Currency)} and nothing suggests the debtor cannot pay");
        return new EscalationAdvice(EscalationRecommendation.Collection, reasons, facts);
    }

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";

    private static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";
}
