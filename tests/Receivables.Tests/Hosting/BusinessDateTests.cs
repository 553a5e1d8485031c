using Receivables.Dunning;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Hosting;

/// <summary>
/// The timer's schedule is UTC (Linux Flex Consumption ignores WEBSITE_TIME_ZONE), but the cycle's business date is
/// the date in Receivables:TimeZone: late evening UTC on a month's last day is already the 1st in Oslo.
/// </summary>
public sealed class BusinessDateTests
{
    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")] // summer time, UTC+2
    [InlineData("2026-11-30T23:30:00Z", "2026-12-01")] // winter time, UTC+1
    [InlineData("2026-02-28T22:59:00Z", "2026-02-28")] // one minute before midnight in Oslo
    public async Task A_cycle_the_timer_starts_at_23_30_UTC_on_the_last_day_of_a_month_runs_for_the_Oslo_date(string utc, string expected)
    {
        await using var host = await TestHost.StartHostAsync(
            settings: new Dictionary<string, string?> { ["Receivables:TimeZone"] = "Europe/Oslo" },
            time: TestHost.ClockAt(utc));

        var result = await host.Get<IDunningCycle>().RunAsync(asOf: null);

        result.AsOf.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_same_instant_is_still_the_last_day_of_the_month_for_a_creditor_calendar_in_UTC()
    {
        await using var host = await TestHost.StartHostAsync(
            settings: new Dictionary<string, string?> { ["Receivables:TimeZone"] = "UTC" },
            time: TestHost.ClockAt("2026-06-30T23:30:00Z"));

        var result = await host.Get<IDunningCycle>().RunAsync(asOf: null);

        result.AsOf.ShouldBe(new DateOnly(2026, 6, 30));
    }
}
