namespace Receivables.Evidence;

/// <summary>How much a creditor (or one debtor) has in the archive.</summary>
public sealed record EvidenceCounts(int Cases, int Items, IReadOnlyDictionary<string, int> ItemsByKind);
