namespace Receivables.Dunning;

/// <summary>
/// A debtor the cycle could not process on <see cref="Date"/> (its case could not be decided or stored): skipped, so
/// that every other debtor is processed, and told to the step observers (a task for a person, the status).
/// </summary>
public sealed record DebtorFailure(string CreditorId, string DebtorId, DateOnly Date, string ErrorType, string Error)
{
    /// <summary>"K-1: CaseNotStorableException: ...", cut to a length a status line and a task can hold.</summary>
    public string Summary => Short(DebtorId) + ": " + ErrorType + ": " + Cut(Error, 300);

    /// <summary>A debtor id as it may be shown (a hostile ledger can hold ids of thousands of characters).</summary>
    public static string Short(string debtorId) => Cut(debtorId, 60);

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length:N0} characters)";

    public static DebtorFailure Of(string creditorId, string debtorId, DateOnly date, Exception error) =>
        new(creditorId, debtorId, date, error.GetType().Name, Cut(error.Message, 2000));
}
