using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;

namespace Receivables.Channel;

/// <summary>
/// When a message may reach a debtor (the contact hours of the pending collection act, Prop. 3 L (2025–2026)):
/// weekdays, Saturdays and Sundays each have a window in <c>Receivables:TimeZone</c> (<see cref="ChannelOptions"/>),
/// public holidays have none. <see cref="OpensAt"/> says when a message decided at an instant may go: that instant when
/// a window is open (or the rule is switched off), else the start of the next window.
/// </summary>
public sealed class ContactHours
{
    private const string Prefix = ChannelOptions.Section + ":";

    private readonly TimeZoneInfo zone;
    private readonly bool enabled;
    private readonly ContactWindow? weekdays;
    private readonly ContactWindow? saturdays;
    private readonly ContactWindow? sundays;

    public ContactHours(IOptions<ChannelOptions> options, IOptions<ReceivablesOptions> receivables)
    {
        var settings = options.Value;
        zone = TimeZoneInfo.FindSystemTimeZoneById(receivables.Value.TimeZone);
        enabled = settings.ContactHours;
        weekdays = ContactWindow.Parse(settings.WeekdayHours, Prefix + nameof(ChannelOptions.WeekdayHours));
        saturdays = ContactWindow.Parse(settings.SaturdayHours, Prefix + nameof(ChannelOptions.SaturdayHours));
        sundays = ContactWindow.Parse(settings.SundayHours, Prefix + nameof(ChannelOptions.SundayHours));
        if (enabled && weekdays is null && saturdays is null && sundays is null)
        {
            throw new ReceivablesException($"Settings '{Prefix}WeekdayHours', '{Prefix}SaturdayHours' and '{Prefix}SundayHours' are all empty: no message could ever be sent. Give at least one window, or switch the rule off with '{Prefix}ContactHours' = false.");
        }
    }

    /// <summary>Whether the rule is on (<c>Receivables:Channel:ContactHours</c>).</summary>
    public bool Enabled => enabled;

    /// <summary>The instant a message decided at <paramref name="decided"/> may be sent: itself inside a window, else the next opening.</summary>
    public DateTimeOffset OpensAt(DateTimeOffset decided)
    {
        if (!enabled)
        {
            return decided;
        }

        var local = TimeZoneInfo.ConvertTime(decided, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);

        // Every week has a window (checked at start) and holidays never run for more than a few days in a row.
        for (var offset = 0; offset < 31; offset++)
        {
            var date = day.AddDays(offset);
            if (WindowOn(date) is not { } window)
            {
                continue;
            }

            if (offset == 0 && window.Contains(time))
            {
                return decided;
            }

            if (offset > 0 || time < window.Opens)
            {
                return Instant(date, window.Opens);
            }
        }

        throw new InvalidOperationException($"No contact window in the 31 days after {decided:O}.");
    }

    /// <summary>Whether a message may go out at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant) => OpensAt(instant) == instant;

    /// <summary>The window of a local date: none on a public holiday.</summary>
    public ContactWindow? WindowOn(DateOnly date) =>
        NorwegianCalendar.IsHoliday(date) ? null : date.DayOfWeek switch
        {
            DayOfWeek.Saturday => saturdays,
            DayOfWeek.Sunday => sundays,
            _ => weekdays,
        };

    /// <summary>The UTC instant of a local wall-clock time (a time skipped by the spring change counts from the hour after).</summary>
    private DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
