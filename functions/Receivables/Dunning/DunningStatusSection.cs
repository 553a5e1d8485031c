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
    string? Cycle = null) : IStatusSection
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
        var stages = CasesPerStage.Count == 0 ? "none" : string.Join(", ", CasesPerStage.Select(kv => $"{kv.Key} {kv.Value}"));
        writer.WriteLine($"{indent}Cases per stage: {stages}");
        if (Cycle is not null)
        {
            writer.WriteLine($"{indent}{Cycle}");
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Paused: {Paused}, reminders awaiting confirmation: {PendingMessages}, last cycle: {(LastCycleDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")}"));
    }
}

public sealed class DunningStatusContributor(DunningStatusReader reader) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var status = await reader.ReadAsync(creditor.CreditorId, asOf, cancellationToken);
        creditor.Add(new DunningStatusSection(status.CasesPerStage, status.Paused, status.PendingMessages, status.LastCycleDate, status.Stale, status.StaleReason, status.LatestCycle?.ToString()));
    }
}
