using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Hosting;

namespace Receivables.Local.Hosting;

/// <summary>
/// The dunning timer on one machine: the <c>DunningSchedule</c> NCRONTAB (UTC, as Functions on Linux), one run per
/// slot across hosts (<see cref="ITimerSlots"/>), and a missed slot run once at start-up, as the Functions schedule
/// monitor does. The cycle itself catches up days it missed.
/// </summary>
public sealed class TimerService(IConfiguration configuration, ITimerSlots slots, IDunningCycle cycle, TimeProvider time, ILogger<TimerService> logger) : BackgroundService
{
    public const string Job = "dunning-cycle";

    private readonly CronExpression schedule = Schedules.ParseDunning(configuration);

    /// <summary>Runs the slot if no host has; true when this host ran it.</summary>
    public Task<bool> FireAsync(DateTimeOffset slot, CancellationToken cancellationToken) =>
        slots.RunOnceAsync(Job, slot, async ct =>
        {
            var result = await cycle.RunAsync(null, ct);
            logger.LogInformation("Dunning cycle for {AsOf} queued {Reminders} reminders", result.AsOf, result.RemindersQueued);
        }, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var last = await slots.LastCompletedAsync(Job, stoppingToken);
        var previous = schedule.GetOccurrences(now.AddDays(-7), now, TimeZoneInfo.Utc).Select(d => (DateTimeOffset?)d).LastOrDefault();
        if (previous is { } missed && (last is null || last < missed))
        {
            logger.LogInformation("Slot {Slot} was missed while the host was down; running it now", missed);
            await FireAsync(missed, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, time, stoppingToken);
            try
            {
                await FireAsync(next.Value, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dunning cycle for slot {Slot} failed", next.Value);
            }
        }
    }
}
