namespace Receivables.Evidence;

public sealed record BundleCase(string CaseId, long HeadSequence, string? HeadSha256, bool VerifiedAtExport, IReadOnlyList<string> ProblemsAtExport, IReadOnlyList<BundleFile> Files);
