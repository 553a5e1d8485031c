using System.Text.Json.Serialization;
using Receivables.Status;

namespace Receivables.Actions;

/// <summary>The <c>status</c> section of open work for a person: counts per kind and the oldest tasks.</summary>
public sealed record TasksStatusSection(int Open, IReadOnlyDictionary<string, int> OpenPerKind, IReadOnlyList<OpenTaskLine> Oldest) : IStatusSection
{
    [JsonIgnore]
    public string Key => "tasks";

    [JsonIgnore]
    public string Title => "Open tasks";

    public void WriteText(TextWriter writer, string indent)
    {
        writer.WriteLine(Open == 0 ? $"{indent}none" : $"{indent}{Open} open: {string.Join(", ", OpenPerKind.Select(kv => $"{kv.Key} {kv.Value}"))}");
        foreach (var task in Oldest)
        {
            writer.WriteLine($"{indent}{task.TaskId}  {task.DebtorId ?? "-"}  {task.Kind}: {task.Title}  {task.Facts}");
        }
    }
}

public sealed record OpenTaskLine(string TaskId, string Kind, string? DebtorId, string Title, DateTimeOffset CreatedAt)
{
    /// <summary>Priority, due date, amount, days overdue, invoices and phone, as one line.</summary>
    public string Facts { get; init; } = "";

    public string? Priority { get; init; }

    public DateOnly? DueDate { get; init; }
}

public sealed class TasksStatusContributor(ITaskStore tasks) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = new List<WorkTask>();
        await foreach (var task in tasks.ListAsync(creditor.CreditorId, openOnly: true, cancellationToken))
        {
            open.Add(task);
        }

        creditor.Add(new TasksStatusSection(
            open.Count,
            open.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            open.OrderBy(t => TaskPriorities.Rank(t.Facts.Priority)).ThenBy(t => t.Facts.DueDate).ThenBy(t => t.CreatedAt).Take(10)
                .Select(t => new OpenTaskLine(t.TaskId, t.Kind, t.DebtorId, t.Title, t.CreatedAt) { Facts = TaskText.Facts(t), Priority = t.Facts.Priority, DueDate = t.Facts.DueDate }).ToList()));
    }
}
