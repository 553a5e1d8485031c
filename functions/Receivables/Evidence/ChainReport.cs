namespace Receivables.Evidence;

/// <summary>The result of recomputing a case's hashes. <see cref="Notes"/> are not failures (e.g. a head record that lags).</summary>
public sealed record ChainReport(EvidenceCaseRef Case, int Entries, string? HeadSha256, IReadOnlyList<ChainProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Ok => Problems.Count == 0;
}
