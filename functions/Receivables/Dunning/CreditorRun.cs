namespace Receivables.Dunning;

/// <summary>A creditor's finished cycle run, as its completion tells the observers: the day and how many reminders it queued.</summary>
public sealed record CreditorRun(string CreditorId, DateOnly Date, int Run, int Considered, int Queued);
