namespace Receivables.Evidence;

/// <summary>An entry with where it lies and the SHA-256 of its stored bytes (what the next entry links to).</summary>
public sealed record ArchivedEntry(string EntryPath, string EntrySha256, EvidenceEntry Entry);
