namespace Receivables.Replies;

/// <summary>What the reply led to, archived with the decision.</summary>
public sealed record ReplyDecision(
    string ReplyId,
    string? CaseId,
    string MatchedBy,
    string Class,
    double Confidence,
    ExtractedValues Values,
    IReadOnlyList<string> Flags,
    string Action,
    string Actor,
    string ActionActor)
{
    /// <summary>Why this class (the deciding cues) or why the classifier abstained.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Every class's score with its cues: the candidates a person weighs.</summary>
    public IReadOnlyList<ClassScore> Candidates { get; init; } = [];
}
