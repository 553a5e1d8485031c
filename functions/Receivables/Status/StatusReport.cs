using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Receivables.Common;

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

/// <summary>One creditor's status; features append their sections.</summary>
public sealed class CreditorStatus(string creditorId, string name)
{
    private readonly List<IStatusSection> sections = [];

    public string CreditorId { get; } = creditorId;

    public string Name { get; } = name;

    public IReadOnlyList<IStatusSection> Sections => sections;

    public void Add(IStatusSection section) => sections.Add(section);
}

/// <summary>A feature's part of a creditor's status: serialised as JSON under <see cref="Key"/>, printed as text.</summary>
public interface IStatusSection
{
    [System.Text.Json.Serialization.JsonIgnore]
    string Key { get; }

    [System.Text.Json.Serialization.JsonIgnore]
    string Title { get; }

    void WriteText(TextWriter writer, string indent);
}

/// <summary>Adds a feature's section to each creditor's status.</summary>
public interface IStatusContributor
{
    Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>Builds the <see cref="StatusReport"/> from every registered contributor, in registration order.</summary>
public sealed class StatusService(IEnumerable<IStatusContributor> contributors, ICreditorDirectory directory, BusinessClock clock)
{
    public async Task<StatusReport> BuildAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? clock.Today;
        var creditors = new List<CreditorStatus>();
        foreach (var (id, creditor) in (await directory.ActiveAsync(cancellationToken)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var status = new CreditorStatus(id, creditor.Profile.Name);
            foreach (var contributor in contributors)
            {
                await contributor.ContributeAsync(status, date, cancellationToken);
            }

            creditors.Add(status);
        }

        return new StatusReport(date, clock.Now, creditors);
    }
}
