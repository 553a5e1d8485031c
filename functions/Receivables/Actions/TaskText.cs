using System.Globalization;
using Receivables.Common;

namespace Receivables.Actions;

/// <summary>How a task's facts read in a list or on the status page: "high, due 2026-10-08, 15000.00 NOK, 21 days overdue, F-1, phone …".</summary>
public static class TaskText
{
    public static string Facts(WorkTask task)
    {
        var f = task.Facts;
        var parts = new List<string> { f.Priority ?? TaskPriorities.Normal };
        if (f.DueDate is { } due)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"due {due:yyyy-MM-dd}"));
        }

        if (f.Amount is { } amount)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {f.Currency}").TrimEnd());
        }

        if (f.DaysOverdue is { } days)
        {
            parts.Add(days == 1 ? "1 day overdue" : string.Create(CultureInfo.InvariantCulture, $"{days} days overdue"));
        }

        if (f.Invoices.Count > 0)
        {
            parts.Add(string.Join(", ", f.Invoices));
        }

        parts.Add("phone " + (f.Phone ?? "not in the ledger"));
        return "[" + string.Join("; ", parts) + "]";
    }

    /// <summary>An amount typed by a person: digits with '.' (or ',') as decimal separator.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0m
            ? amount
            : throw new ReceivablesException($"--amount '{text}' is not an amount such as 5000.00.");
    }
}
