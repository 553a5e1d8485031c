namespace Receivables.Evidence;

/// <summary>Where the item lies, its hash, and its place in the case's chain.</summary>
public sealed record EvidenceReceipt(string ItemPath, string Sha256, long Sequence, bool AlreadyArchived);
