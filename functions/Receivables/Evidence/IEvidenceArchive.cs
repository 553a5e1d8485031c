namespace Receivables.Evidence;

/// <summary>
/// The append-only, hash-chained archive of a case. A retried append with the same <see cref="EvidenceItem.IdempotencyKey"/>
/// (within the case) returns the first receipt with <see cref="EvidenceReceipt.AlreadyArchived"/> set and stores nothing.
/// Reading is <see cref="IEvidenceReader"/> (the same implementation).
/// </summary>
public interface IEvidenceArchive
{
    Task<EvidenceReceipt> AppendAsync(EvidenceItem item, CancellationToken cancellationToken = default);
}
