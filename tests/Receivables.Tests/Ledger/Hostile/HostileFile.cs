namespace Receivables.Tests.Ledger.Hostile;

/// <summary>
/// One file of the hostile-input corpus and what must happen to it: rejected with a report that names (at least) the
/// given fragments (line and field) and nothing stored changed, or accepted with the named warnings.
/// </summary>
internal sealed record HostileFile(string Name, string Kind, byte[] Content, bool Rejected, IReadOnlyList<string> Mentions)
{
    public override string ToString() => $"{Kind}/{Name}";
}
