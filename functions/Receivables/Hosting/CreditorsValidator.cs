using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Hosting;

internal sealed class CreditorsValidator : IValidateOptions<ReceivablesOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceivablesOptions options)
    {
        var failures = new List<string>();
        if (options.Creditors.Count == 0)
        {
            failures.Add("No creditor is configured: set 'Receivables:Creditors:<id>:Name' and ':Email' (Receivables__Creditors__<id>__Name).");
        }

        foreach (var (id, creditor) in options.Creditors)
        {
            failures.AddRange(Creditors.CreditorValidation.Validate(id, creditor, $"Receivables:Creditors:{id}"));
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            failures.Add($"Receivables:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA id such as Europe/Oslo).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
