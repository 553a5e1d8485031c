namespace Receivables.Status;

/// <summary>One creditor's status; features append their sections.</summary>
public sealed class CreditorStatus(string creditorId, string name)
{
    private readonly List<IStatusSection> sections = [];

    public string CreditorId { get; } = creditorId;

    public string Name { get; } = name;

    public IReadOnlyList<IStatusSection> Sections => sections;

    public void Add(IStatusSection section) => sections.Add(section);
}
