namespace Receivables.Replies;

/// <summary>Classifies a reply's own words (rules by default; a model when configured, always checked by rules).</summary>
public interface IReplyClassifier
{
    Task<Triage> ClassifyAsync(string subject, string newText, bool autoSubmitted, DateOnly received, CancellationToken cancellationToken);
}

/// <summary>The keyword rules for Norwegian bokmål and English.</summary>
public sealed class RuleReplyClassifier : IReplyClassifier
{
    public Task<Triage> ClassifyAsync(string subject, string newText, bool autoSubmitted, DateOnly received, CancellationToken cancellationToken) =>
        Task.FromResult(RuleClassifier.Classify(subject, newText, autoSubmitted, received));
}
