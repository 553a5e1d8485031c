namespace Receivables.SetOff;

/// <summary>Who approved or rejected a set-off proposal, when, and the declaration's message id when one was sent.</summary>
public sealed record SetOffDecision(string Actor, DateTimeOffset At, string? MessageId);
