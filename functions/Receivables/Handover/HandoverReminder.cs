namespace Receivables.Handover;

/// <summary>A message sent to the debtor, from the evidence archive.</summary>
public sealed record HandoverReminder(DateOnly Date, string Title, string? Level, string? MessageId);
