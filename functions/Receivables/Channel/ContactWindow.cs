using System.Globalization;
using Receivables.Common;

namespace Receivables.Channel;

/// <summary>One day's contact window in local time: from <see cref="Opens"/> up to (not including) <see cref="Closes"/>.</summary>
public sealed record ContactWindow(TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>
    /// Reads "HH:mm-HH:mm" (empty or whitespace: no window that day, null); a bad value is refused naming
    /// <paramref name="setting"/>.
    /// </summary>
    public static ContactWindow? Parse(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], ["HH:mm", "H:mm", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TryClose(parts[1], out var closes)
            && opens < closes)
        {
            return new ContactWindow(opens, closes);
        }

        throw new ReceivablesException($"Setting '{setting}' is '{value}': write the window as HH:mm-HH:mm with the opening before the closing (e.g. 08:00-21:00), or leave it empty for none.");
    }

    /// <summary>Whether <paramref name="time"/> falls inside the window.</summary>
    public bool Contains(TimeOnly time) => time >= Opens && time < Closes;

    private static bool TryClose(string text, out TimeOnly closes)
    {
        // "24:00" closes at midnight: the last minute of the day is still inside.
        if (text is "24:00" or "24")
        {
            closes = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH"], CultureInfo.InvariantCulture, DateTimeStyles.None, out closes);
    }
}
