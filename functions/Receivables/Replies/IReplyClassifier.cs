namespace Receivables.Replies;

/// <summary>Classifies a reply's own words (rules by default; a model when configured, always checked by rules).</summary>
public interface IReplyClassifier
{
    Task<Triage> ClassifyAsync(string subject, string newText, bool autoSubmitted, DateOnly received, CancellationToken cancellationToken);
}
