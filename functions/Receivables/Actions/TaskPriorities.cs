namespace Receivables.Actions;

/// <summary>
/// How urgent a task is and by when it should be done. A dispute or a claim of at least <see cref="LargeAmount"/>, or
/// one more than <see cref="LongOverdueDays"/> days overdue, is high: a person looks at it within one business day.
/// A claim below <see cref="SmallAmount"/> that is less than 30 days overdue is low (five business days). Everything
/// else is normal (two business days).
/// </summary>
public static class TaskPriorities
{
    public const string High = "high";
    public const string Normal = "normal";
    public const string Low = "low";

    public const decimal LargeAmount = 10_000m;
    public const decimal SmallAmount = 1_000m;
    public const int LongOverdueDays = 60;

    public static string For(string kind, decimal? amount, int? daysOverdue)
    {
        if (kind == TaskKinds.ReviewDispute || amount >= LargeAmount || daysOverdue > LongOverdueDays)
        {
            return High;
        }

        return amount is { } a && a < SmallAmount && (daysOverdue ?? 0) < 30 ? Low : Normal;
    }

    /// <summary>The task's due date: business days from the day it opened, by priority.</summary>
    public static DateOnly DueDate(string priority, DateOnly opened)
    {
        var days = priority switch { High => 1, Low => 5, _ => 2 };
        var date = opened;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (Dunning.NorwegianCalendar.IsBusinessDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>Sort order: high first.</summary>
    public static int Rank(string? priority) => priority switch { High => 0, Low => 2, _ => 1 };
}
