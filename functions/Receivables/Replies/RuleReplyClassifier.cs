namespace Receivables.Replies;

/// <summary>The keyword rules for Norwegian bokmål and English.</summary>
public sealed class RuleReplyClassifier : IReplyClassifier
{
    public Task<Triage> ClassifyAsync(string subject, string newText, bool autoSubmitted, DateOnly received, CancellationToken cancellationToken) =>
        Task.FromResult(RuleClassifier.Classify(subject, newText, autoSubmitted, received));
}
