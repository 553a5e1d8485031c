using Receivables.Escalation;

namespace Receivables.Tests.Escalation;

/// <summary>The gate's pure rules: contrasting debtors get different recommendations, each with its reasons.</summary>
public sealed class EscalationGateTests
{
    private static readonly EscalationOptions Rules = new();

    private static EscalationFacts Facts(
        decimal overdue = 12_500m,
        decimal paid = 0m,
        int partlyPaid = 0,
        int days = 70,
        int reminders = 3,
        int replies = 0,
        int liquidity = 0,
        int promises = 0,
        int disputes = 0,
        int broken = 0) =>
        new("NOK", overdue, paid, 1, partlyPaid, days, reminders, replies, liquidity, promises, disputes, broken, false);

    [Fact]
    public void A_silent_solvent_debtor_is_recommended_for_collection()
    {
        var advice = EscalationGate.Recommend(Facts(), Rules);

        advice.Recommendation.ShouldBe(EscalationRecommendation.Collection);
        advice.Outcome.ShouldBe("collection");
        advice.Reasons.ShouldContain("no reply to 3 reminders");
        advice.Reasons.ShouldContain(r => r.Contains("nothing paid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_debtor_who_reports_liquidity_problems_and_pays_in_part_is_recommended_a_plan_and_told_collection_only_adds_costs()
    {
        var advice = EscalationGate.Recommend(Facts(overdue: 8_000m, paid: 4_500m, partlyPaid: 1, replies: 1, liquidity: 1), Rules);

        advice.Recommendation.ShouldBe(EscalationRecommendation.Plan);
        advice.Reasons.ShouldContain(r => r.Contains("liquidity problems", StringComparison.Ordinal));
        advice.Reasons.ShouldContain(r => r.Contains("4500.00 NOK in part", StringComparison.Ordinal));
        advice.Reasons.ShouldContain(r => r.Contains("illiquid debtor to collection only adds costs", StringComparison.Ordinal));
    }

    [Fact]
    public void Part_payments_alone_count_as_a_liquidity_signal()
    {
        EscalationGate.Recommend(Facts(paid: 1_000m, partlyPaid: 2), Rules).Recommendation.ShouldBe(EscalationRecommendation.Plan);
    }

    [Fact]
    public void An_illiquid_debtor_who_broke_plans_too_often_gets_a_write_down_not_collection()
    {
        var advice = EscalationGate.Recommend(Facts(liquidity: 1, replies: 1, broken: 2), Rules);

        advice.Recommendation.ShouldBe(EscalationRecommendation.WriteDown);
        advice.Reasons.ShouldContain(r => r.Contains("2 repayment plans already broken", StringComparison.Ordinal));
        advice.Reasons.ShouldContain(r => r.Contains("only adds costs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_claim_below_the_collection_minimum_is_written_down()
    {
        var advice = EscalationGate.Recommend(Facts(overdue: 300m), Rules);

        advice.Recommendation.ShouldBe(EscalationRecommendation.WriteDown);
        advice.Reasons.Single().ShouldContain("below the collection minimum of 500.00 NOK");
    }

    [Fact]
    public void A_responsive_debtor_early_on_gets_more_time_but_not_after_the_limit()
    {
        EscalationGate.Recommend(Facts(days: 45, replies: 1, promises: 1), Rules).Recommendation.ShouldBe(EscalationRecommendation.ExtendCredit);
        EscalationGate.Recommend(Facts(days: 90, replies: 1, promises: 1), Rules).Recommendation.ShouldBe(EscalationRecommendation.Collection);
    }

    [Fact]
    public void The_thresholds_come_from_the_settings()
    {
        var strict = new EscalationOptions { MinimumForCollection = 20_000m };

        EscalationGate.Recommend(Facts(overdue: 12_500m), strict).Recommendation.ShouldBe(EscalationRecommendation.WriteDown);
    }
}
