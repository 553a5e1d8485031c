namespace Receivables.DebtorPage;

/// <summary>The fields of a posted form (a field may repeat, as checkboxes do).</summary>
public sealed record PageForm(IReadOnlyDictionary<string, List<string>> Fields)
{
    public static readonly PageForm Empty = new(new Dictionary<string, List<string>>());

    public string? One(string name) => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0].Trim() : null;

    public IReadOnlyList<string> All(string name) => Fields.TryGetValue(name, out var values) ? values : [];
}
