namespace Receivables.Replies;

/// <summary>The triage result. <see cref="Flags"/> name why a person should look (injection, low confidence, ...).</summary>
public sealed record Triage(ReplyClass Class, double Confidence, ExtractedValues Values, IReadOnlyList<string> Flags, string Actor)
{
    /// <summary>Every class's score, best first (the candidates a person sees when the classifier abstains).</summary>
    public IReadOnlyList<ClassScore> Scores { get; init; } = [];

    /// <summary>Why this class: the cues that decided, or why the classifier abstained.</summary>
    public string Reason { get; init; } = "";

    /// <summary>True when no single actionable class clearly won: the reply only opens a review task.</summary>
    public bool Abstained { get; init; }

    /// <summary>For <see cref="ReplyClass.Question"/>: what is asked (account, invoice, fee, balance).</summary>
    public string? Question { get; init; }
}
