using Cronos;
using Microsoft.Extensions.Configuration;
using Receivables.Common;

namespace Receivables.Hosting;

/// <summary>
/// The dunning timer's schedule: app setting <c>DunningSchedule</c>, six-field NCRONTAB as Functions uses
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), read by <c>[TimerTrigger("%DunningSchedule%")]</c>.
/// </summary>
public static class Schedules
{
    public const string DunningSetting = "DunningSchedule";
    public const string DefaultDunning = "0 0 6 * * *";

    public static CronExpression ParseDunning(IConfiguration configuration)
    {
        var value = configuration[DunningSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return CronExpression.Parse(DefaultDunning, CronFormat.IncludeSeconds);
        }

        try
        {
            return CronExpression.Parse(value.Trim(), CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new ReceivablesException(
                $"Setting '{DunningSetting}' is not a valid six-field NCRONTAB expression ('{value}'): {e.Message} " +
                "Example: '0 0 6 * * *' runs every day at 06:00.", e);
        }
    }
}
