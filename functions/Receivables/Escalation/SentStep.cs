namespace Receivables.Escalation;

/// <summary>A letter of the ladder that reached the debtor: by email (the outbound email in the evidence) or another channel a person recorded.</summary>
public sealed record SentStep(int Level, DateOnly Date, string Channel, string Key, string? MessageId, string Title);
