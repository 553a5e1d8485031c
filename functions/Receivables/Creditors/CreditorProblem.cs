namespace Receivables.Creditors;

/// <summary>
/// Why a creditor cannot be stored, as data: the field (<c>BankAccount</c>, <c>Id</c>, ...), the value found, what is
/// wrong in English (the CLI and the start-up check print it), and a code when the field has more than one kind of
/// problem (<see cref="Exists"/>). A page can word it in its reader's language from the field and the value.
/// </summary>
public sealed record CreditorProblem(string Field, string? Value, string Message, string? Code = null)
{
    /// <summary>The id is taken by an active creditor.</summary>
    public const string Exists = "exists";

    /// <summary>The problem as the settings check and the registry have always said it: <c>prefix:Field: message</c>.</summary>
    public string Describe(string prefix) =>
        Field == "Id" && Code is null ? $"Creditor id '{Value}' ({prefix}) {Message}" : $"{prefix}:{Field}: {Message}";
}
