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
