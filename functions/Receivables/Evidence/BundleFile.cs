namespace Receivables.Evidence;

public sealed record BundleFile(string Path, string Role, string Sha256, long Size);
