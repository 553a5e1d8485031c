using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Receivables.Common;

namespace Receivables.Creditors;

/// <summary>The checks a creditor passes, in app settings and in the registry alike; each failure names the field.</summary>
public static partial class CreditorValidation
{
    public static IReadOnlyList<string> Validate(string id, CreditorOptions creditor, string prefix)
    {
        var failures = new List<string>();
        if (!IdPattern().IsMatch(id))
        {
            failures.Add($"Creditor id '{id}' ({prefix}) must be lower-case letters, digits and '-' (it names a blob folder).");
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(creditor, new ValidationContext(creditor), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        if (creditor.OrgNumber is { Length: > 0 } org && !NineDigits().IsMatch(org.Replace(" ", "", StringComparison.Ordinal)))
        {
            failures.Add($"{prefix}:OrgNumber: '{org}' is not a Norwegian organisation number (9 digits).");
        }

        if (creditor.BankAccount is { Length: > 0 } account && !ElevenDigits().IsMatch(account.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)))
        {
            failures.Add($"{prefix}:BankAccount: '{account}' is not a Norwegian account number (11 digits).");
        }

        if (creditor.Language is not ("nb" or "en"))
        {
            failures.Add($"{prefix}:Language: '{creditor.Language}' must be nb or en.");
        }

        if (!CurrencyCode().IsMatch(creditor.Currency ?? ""))
        {
            failures.Add($"{prefix}:Currency: '{creditor.Currency}' must be an ISO 4217 code such as NOK.");
        }

        return failures;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex NineDigits();

    [GeneratedRegex("^[0-9]{11}$")]
    private static partial Regex ElevenDigits();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
