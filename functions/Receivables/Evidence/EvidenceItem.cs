namespace Receivables.Evidence;

/// <summary>An item to archive for a case. <see cref="IdempotencyKey"/> makes a retried append a no-op.</summary>
public sealed record EvidenceItem(
    string CreditorId,
    string DebtorId,
    string CaseId,
    string Kind,
    string Title,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    string Actor,
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string>? Metadata = null);
