using System.Text.Json.Serialization;
using Receivables.Status;

namespace Receivables.Dunning;

/// <summary>The <c>status</c> warning when a half-year has no late-payment rate row (empty when every half-year has one).</summary>
public sealed record RatesStatusSection(IReadOnlyList<string> Missing) : IStatusSection
{
    [JsonIgnore]
    public string Key => "rates";

    [JsonIgnore]
    public string Title => "Late-payment rates";

    public void WriteText(TextWriter writer, string indent)
    {
        if (Missing.Count == 0)
        {
            writer.WriteLine($"{indent}A rate row for every half-year up to today.");
            return;
        }

        foreach (var line in Missing)
        {
            writer.WriteLine($"{indent}MISSING RATE: {line}");
        }
    }
}
