namespace Receivables.Actions;

/// <summary>
/// What a person recorded for a task: the outcome word, a note, a date when the outcome needs one, and who;
/// <paramref name="Amount"/> when the outcome needs one (the amount credited on a dispute upheld in part).
/// </summary>
public sealed record TaskOutcome(string Outcome, string? Note, DateOnly? Date, string Actor, decimal? Amount = null);
