namespace Receivables.Replies;

/// <summary>A class's score from the rules, with the cues (clause excerpts) that gave it.</summary>
public sealed record ClassScore(ReplyClass Class, double Score, IReadOnlyList<string> Cues);
