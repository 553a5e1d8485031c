namespace Receivables.Handover;

/// <summary>The § 9 notice (inkassovarsel): when it went, how (email; post when a person posted it) and its deadline.</summary>
public sealed record HandoverCollectionNotice(DateOnly Date, DateOnly? Deadline, string Channel, DateOnly? PostedOn, string? MessageId);
