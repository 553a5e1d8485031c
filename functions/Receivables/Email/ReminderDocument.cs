namespace Receivables.Email;

/// <summary>
/// Everything a reminder states, computed by the dunning rules. Templates only format it; they never compute
/// amounts or dates.
/// </summary>
public sealed record ReminderDocument(
    string Template,
    string Language,
    string CreditorId,
    string CreditorName,
    string? CreditorOrgNumber,
    string CreditorEmail,
    string? CreditorPhone,
    string? CreditorBankAccount,
    string? CreditorAddress,
    string DebtorId,
    string DebtorName,
    string DebtorEmail,
    bool DebtorIsBusiness,
    string CaseId,
    string ReplyAddress,
    string Currency,
    IReadOnlyList<ReminderInvoice> Invoices,
    IReadOnlyList<ReminderCharge> Charges,
    decimal Principal,
    decimal Total,
    DateOnly IssueDate,
    DateOnly? Deadline,
    string? Kid,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>
    /// Rendered to be looked at (a draft in the workspace, a proposal's text), not sent: nothing is issued for it, such as
    /// a debtor-page link; a placeholder stands in.
    /// </summary>
    public bool Preview { get; init; }

    /// <summary>
    /// What is owed in currencies other than <see cref="Currency"/> (NOK fees on a foreign-currency invoice), one total
    /// per currency: never added to <see cref="Total"/>, which is in the invoices' currency only.
    /// </summary>
    public IReadOnlyList<CurrencyAmount> OtherTotals => [.. Charges
        .Where(c => c.Currency is { } other && other != Currency)
        .GroupBy(c => c.Currency!, StringComparer.Ordinal)
        .Select(g => new CurrencyAmount(g.Key, Common.Rounding.ToMinorUnit(g.Sum(c => c.Amount))))];
}
