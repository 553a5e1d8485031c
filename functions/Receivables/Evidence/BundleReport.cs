namespace Receivables.Evidence;

/// <summary>The result of checking a bundle: each case's chain, and problems of the bundle itself (manifest, timeline).</summary>
public sealed record BundleReport(IReadOnlyList<ChainReport> Cases, IReadOnlyList<ChainProblem> Problems)
{
    public bool Ok => Problems.Count == 0 && Cases.All(c => c.Ok);
}
