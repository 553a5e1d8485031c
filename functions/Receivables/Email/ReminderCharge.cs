namespace Receivables.Email;

/// <summary>A fee, interest or compensation line, shown separately with how it was computed.</summary>
public sealed record ReminderCharge(string Kind, string Description, decimal Amount, string? Basis = null)
{
    /// <summary>
    /// The currency of <see cref="Amount"/> when it is not the document's: Norwegian fees and the § 3a compensation are
    /// NOK amounts also on a USD invoice (null: the document's currency).
    /// </summary>
    public string? Currency { get; init; }
}
