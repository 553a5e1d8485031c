namespace Receivables.Escalation;

/// <summary>The gate's answer: one recommendation and every reason that led to it, in words a person can check.</summary>
public sealed record EscalationAdvice(EscalationRecommendation Recommendation, IReadOnlyList<string> Reasons, EscalationFacts Facts)
{
    /// <summary>The outcome word a person types to follow the recommendation (<c>tasks done --outcome</c>).</summary>
    public string Outcome => EscalationOutcomes.Of(Recommendation);

    public string Summary => $"Recommendation: {Outcome}. Reasons: {string.Join("; ", Reasons)}.";
}
