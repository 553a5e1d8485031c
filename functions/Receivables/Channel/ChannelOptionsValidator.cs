using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Channel;

/// <summary>Refuses at start a contact window that cannot be read, or no window at all with the rule on, naming the setting.</summary>
public sealed class ChannelOptionsValidator : IValidateOptions<ChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelOptions options)
    {
        const string Prefix = ChannelOptions.Section + ":";
        var failures = new List<string>();
        var windows = new List<ContactWindow?>();
        foreach (var (setting, value) in new[]
        {
            (nameof(ChannelOptions.WeekdayHours), options.WeekdayHours),
            (nameof(ChannelOptions.SaturdayHours), options.SaturdayHours),
            (nameof(ChannelOptions.SundayHours), options.SundayHours),
        })
        {
            try
            {
                windows.Add(ContactWindow.Parse(value, Prefix + setting));
            }
            catch (ReceivablesException e)
            {
                failures.Add(e.Message);
            }
        }

        if (failures.Count == 0 && options.ContactHours && windows.All(w => w is null))
        {
            failures.Add($"Settings '{Prefix}WeekdayHours', '{Prefix}SaturdayHours' and '{Prefix}SundayHours' are all empty: no message could ever be sent. Give at least one window, or switch the rule off with '{Prefix}ContactHours' = false.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
