namespace Receivables.Escalation;

/// <summary>The gate's answer: one recommendation and every reason that led to it, in words a person can check.</summary>
public sealed record EscalationAdvice(EscalationRecommendation Recommendation, IReadOnlyList<string> Reasons, EscalationFacts Facts)
{
    /// <summary>The outcome word a person types to follow the recommendation (<c>tasks done --outcome</c>).</summary>
    public string Outcome => EscalationOutcomes.Of(Recommendation);

    /// <summary>
    /// <see cref="Reasons"/> as codes with their figures (<c>code:arg|arg</c>, invariant), one per reason and in the
    /// same order, so that a page can word them in the reader's language (<see cref="Actions.TaskFacts.Grounds"/>).
    /// </summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    public string Summary => $"Recommendation: {Outcome}. Reasons: {string.Join("; ", Reasons)}.";
}
