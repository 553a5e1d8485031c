namespace Receivables.Evidence;

public sealed record ExportResult(int Cases, int Items, IReadOnlyList<ChainReport> Reports);
