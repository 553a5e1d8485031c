namespace Receivables.Handover;

public sealed record HandoverApproval(string TaskId, string Note, DateTimeOffset? DecidedAt, string Recommendation);
