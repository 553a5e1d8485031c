using Receivables.Dunning;

namespace Receivables.Replies;

/// <summary>How a reply was tied to its case.</summary>
public sealed record ReplyMatch(CaseView? Case, string MatchedBy, IReadOnlyList<CaseView> Candidates);
