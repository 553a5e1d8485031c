using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Status;

namespace Receivables.Dunning;

/// <summary>The dunning part of <c>status</c>: cases per stage, paused cases, reminders awaiting confirmation, staleness.</summary>
public sealed record DunningStatusSection(
    IReadOnlyDictionary<string, int> CasesPerStage,
    int Paused,
    int PendingMessages,
    DateOnly? LastCycleDate,
    bool Stale,
    string? StaleReason,
    string? Cycle = null,
    IReadOnlyList<string>? CycleErrors = null) : IStatusSection
{
    [JsonIgnore]
    public string Key => "dunning";

    [JsonIgnore]
    public string Title => "Dunning";

    public void WriteText(TextWriter writer, string indent)
    {
        writer.WriteLine(Stale
            ? $"{indent}STALE: nothing is sent for this creditor ({StaleReason})."
            : $"{indent}Ledger fresh enough to send reminders.");
        if (CycleErrors is { Count: > 0 })
        {
            // A debtor the last cycle could not process gets nothing until a person looks (a cycle-error task each).
            writer.WriteLine($"{indent}LAST CYCLE HAD FAILURES: {Cycle}");
            foreach (var error in CycleErrors.Take(5))
            {
                writer.WriteLine($"{indent}  {error}");
            }
        }

        var stages = CasesPerStage.Count == 0 ? "none" : string.Join(", ", CasesPerStage.Select(kv => $"{kv.Key} {kv.Value}"));
        writer.WriteLine($"{indent}Cases per stage: {stages}");
        if (Cycle is not null)
        {
            writer.WriteLine($"{indent}{Cycle}");
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Paused: {Paused}, reminders awaiting confirmation: {PendingMessages}, last cycle: {(LastCycleDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")}"));
    }
}
