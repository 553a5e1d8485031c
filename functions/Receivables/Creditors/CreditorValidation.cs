using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Receivables.Common;

namespace Receivables.Creditors;

/// <summary>The checks a creditor passes, in app settings and in the registry alike; each failure names the field.</summary>
public static partial class CreditorValidation
{
    public static IReadOnlyList<string> Validate(string id, CreditorOptions creditor, string prefix) =>
        [.. Problems(id, creditor).Select(p => p.Describe(prefix))];

    /// <summary>The creditor's problems as data, each naming its field and the value found.</summary>
    public static IReadOnlyList<CreditorProblem> Problems(string id, CreditorOptions creditor)
    {
        var problems = new List<CreditorProblem>();
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new CreditorProblem("Id", id, "must be lower-case letters, digits and '-' (it names a blob folder)."));
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(creditor, new ValidationContext(creditor), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => new CreditorProblem(string.Join(",", r.MemberNames), null, r.ErrorMessage ?? "is not valid.")));
        }

        if (creditor.OrgNumber is { Length: > 0 } org && !NineDigits().IsMatch(org.Replace(" ", "", StringComparison.Ordinal)))
        {
            problems.Add(new CreditorProblem("OrgNumber", org, $"'{org}' is not a Norwegian organisation number (9 digits)."));
        }

        if (creditor.BankAccount is { Length: > 0 } account && !ElevenDigits().IsMatch(account.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)))
        {
            problems.Add(new CreditorProblem("BankAccount", account, $"'{account}' is not a Norwegian account number (11 digits)."));
        }

        if (creditor.Language is not ("nb" or "en"))
        {
            problems.Add(new CreditorProblem("Language", creditor.Language, $"'{creditor.Language}' must be nb or en."));
        }

        if (!CurrencyCode().IsMatch(creditor.Currency ?? ""))
        {
            problems.Add(new CreditorProblem("Currency", creditor.Currency, $"'{creditor.Currency}' must be an ISO 4217 code such as NOK."));
        }

        return problems;
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
