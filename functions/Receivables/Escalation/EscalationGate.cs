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

        var kept = advice.Reasons.Select((r, i) => (Reason: r, Ground: advice.Grounds[i])).Where(r => !r.Ground.StartsWith(AboveMinimum, StringComparison.Ordinal)).ToList();
        List<string> reasons =
        [
            "collection is refused: " + missing,
            "send the inkassovarsel first (by post if email cannot reach the debtor), giving at least 14 days, and decide again after its deadline",
            .. kept.Select(r => r.Reason),
        ];
        List<string> grounds = ["collection-refused:" + (facts.NoticeMissingGround ?? ""), "send-notice-first", .. kept.Select(r => r.Ground)];
        return new EscalationAdvice(EscalationRecommendation.ExtendCredit, reasons, facts) { Grounds = grounds };
    }

    /// <summary>The ground of the reason that collection costs less than the claim and nothing suggests the debtor cannot pay.</summary>
    private const string AboveMinimum = "above-minimum";

    private static EscalationAdvice Weigh(EscalationFacts facts, EscalationOptions options)
    {
        var reasons = new Reasons();
        var amount = Money(facts.OverdueAmount, facts.Currency);
        var currency = facts.Currency;

        if (facts.OverdueAmount < options.MinimumForCollection)
        {
            reasons.Add($"{amount} overdue is below the collection minimum of {Money(options.MinimumForCollection, facts.Currency)} (Receivables:Escalation:MinimumForCollection): an agency's costs would outweigh what it recovers",
                Ground("below-minimum", facts.OverdueAmount, options.MinimumForCollection));
            return reasons.Advice(EscalationRecommendation.WriteDown, facts);
        }

        var liquid = true;
        if (facts.LiquidityReplies > 0)
        {
            liquid = false;
            reasons.Add($"the debtor wrote {Times(facts.LiquidityReplies)} about liquidity problems", Ground("liquidity-replies", facts.LiquidityReplies));
        }

        if (facts.PartlyPaidInvoices > 0)
        {
            liquid = false;
            reasons.Add($"the debtor has paid {Money(facts.PaidOnOverdueInvoices, facts.Currency)} in part on {Count(facts.PartlyPaidInvoices, "invoice")}: willing, but short of money",
                Ground("partly-paid", facts.PaidOnOverdueInvoices, facts.PartlyPaidInvoices));
        }

        if (!liquid)
        {
            if (facts.PlansBroken >= options.MaxBrokenPlans)
            {
                reasons.Add($"{Count(facts.PlansBroken, "repayment plan")} already broken (limit {options.MaxBrokenPlans}, Receivables:Escalation:MaxBrokenPlans): another plan is unlikely to hold",
                    Ground("plans-broken-limit", facts.PlansBroken, options.MaxBrokenPlans));
                reasons.Add("sending an illiquid debtor to collection only adds costs (collection fees fall on the debtor and reduce what can be recovered): consider writing down part of the claim",
                    "illiquid-write-down");
                return reasons.Advice(EscalationRecommendation.WriteDown, facts);
            }

            if (facts.PlansBroken > 0)
            {
                reasons.Add($"{Count(facts.PlansBroken, "plan")} broken so far, below the limit of {options.MaxBrokenPlans}", Ground("plans-broken-below", facts.PlansBroken, options.MaxBrokenPlans));
            }

            reasons.Add("sending an illiquid debtor to collection only adds costs (collection fees fall on the debtor and reduce what can be recovered): a plan recovers more", "illiquid-plan");
            return reasons.Advice(EscalationRecommendation.Plan, facts);
        }

        if (facts.PromiseReplies > 0 && facts.PlansBroken == 0 && facts.OldestDaysOverdue <= options.ExtendMaxDaysOverdue)
        {
            reasons.Add($"the debtor replied {Times(facts.PromiseReplies)} with a promise to pay and is responsive", Ground("promise-replies", facts.PromiseReplies));
            reasons.Add($"the oldest claim is {facts.OldestDaysOverdue} days overdue, within {options.ExtendMaxDaysOverdue} days (Receivables:Escalation:ExtendMaxDaysOverdue)",
                Ground("oldest-within", facts.OldestDaysOverdue, options.ExtendMaxDaysOverdue));
            reasons.Add("a short extension with a firm date keeps the customer; collection remains possible afterwards", "extension-keeps");
            return reasons.Advice(EscalationRecommendation.ExtendCredit, facts);
        }

        if (facts.Replies == 0)
        {
            reasons.Add($"no reply to {Count(facts.RemindersSent, "reminder")}", Ground("no-reply", facts.RemindersSent));
        }
        else
        {
            reasons.Add($"{Count(facts.Replies, "reply", "replies")} but no payment, no plan and no liquidity problem stated", Ground("replies-no-payment", facts.Replies));
        }

        reasons.Add($"nothing paid on {Count(facts.OverdueInvoices, "overdue invoice")} ({amount}), the oldest {facts.OldestDaysOverdue} days overdue",
            Ground("nothing-paid", facts.OverdueInvoices, facts.OverdueAmount, facts.OldestDaysOverdue));
        if (facts.PlansBroken > 0)
        {
            reasons.Add($"{Count(facts.PlansBroken, "repayment plan")} broken", Ground("plans-broken", facts.PlansBroken));
        }

        if (facts.DisputeReplies > 0)
        {
            reasons.Add("the debtor disputed the claim earlier: give the agency the dispute and its resolution", "disputed-earlier");
        }

        reasons.Add($"{amount} is above the collection minimum of {Money(options.MinimumForCollection, currency)} and nothing suggests the debtor cannot pay",
            Ground(AboveMinimum, facts.OverdueAmount, options.MinimumForCollection));
        return reasons.Advice(EscalationRecommendation.Collection, facts);
    }

    /// <summary>A reason's code with its figures: <c>code:1|2.50</c> (invariant), what a page words in the reader's language.</summary>
    private static string Ground(string code, params decimal[] figures) =>
        code + ":" + string.Join("|", figures.Select(f => f.ToString(f == decimal.Truncate(f) ? "0" : "0.00", CultureInfo.InvariantCulture)));

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";

    private static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>The reasons in words and as grounds, added together so that they stay in step.</summary>
    private sealed class Reasons
    {
        private readonly List<string> words = [];
        private readonly List<string> grounds = [];

        public void Add(string reason, string ground)
        {
            words.Add(reason);
            grounds.Add(ground);
        }

        public EscalationAdvice Advice(EscalationRecommendation recommendation, EscalationFacts facts) =>
            new(recommendation, words, facts) { Grounds = grounds };
    }
}
