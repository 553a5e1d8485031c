namespace Receivables.Evidence;

/// <summary>One link of a case's chain as stored (JSON). <see cref="PreviousEntrySha256"/> is the SHA-256 of the previous entry's bytes.</summary>
public sealed record EvidenceEntry(
    string Format,
    long Sequence,
    string CreditorId,
    string DebtorId,
    string CaseId,
    string Kind,
    string Title,
    string ContentType,
    string Actor,
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    DateTimeOffset ArchivedAt,
    DateOnly RetainUntil,
    string ItemPath,
    string ItemSha256,
    long ItemSize,
    IReadOnlyDictionary<string, string> Metadata,
    string? PreviousEntrySha256);
