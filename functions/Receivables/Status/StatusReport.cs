using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Receivables.Status;

/// <summary>
/// The operator's overview (the <c>status</c> command): per creditor, one section per feature. A feature adds its
/// section by registering an <see cref="IStatusContributor"/>; the ledger's is <c>ledger</c>.
/// </summary>
public sealed record StatusReport(DateOnly AsOf, DateTimeOffset GeneratedAt, IReadOnlyList<CreditorStatus> Creditors)
{
    public string ToJson()
    {
        var creditors = new JsonArray();
        foreach (var creditor in Creditors)
        {
            var node = new JsonObject { ["creditorId"] = creditor.CreditorId, ["name"] = creditor.Name };
            foreach (var section in creditor.Sections)
            {
                node[section.Key] = JsonSerializer.SerializeToNode(section, section.GetType(), Storage.Json.Options);
            }

            creditors.Add(node);
        }

        var root = new JsonObject
        {
            ["asOf"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["generatedAt"] = GeneratedAt.ToString("O", CultureInfo.InvariantCulture),
            ["creditors"] = creditors,
        };
        return root.ToJsonString(Storage.Json.Indented);
    }

    public void WriteText(TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Status as of {AsOf:yyyy-MM-dd}"));
        foreach (var creditor in Creditors)
        {
            writer.WriteLine();
            writer.WriteLine($"{creditor.Name} ({creditor.CreditorId})");
            foreach (var section in creditor.Sections)
            {
                writer.WriteLine($"  {section.Title}");
                section.WriteText(writer, "    ");
            }
        }
    }
}
