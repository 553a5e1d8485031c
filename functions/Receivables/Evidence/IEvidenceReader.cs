namespace Receivables.Evidence;

/// <summary>Reads what the archive holds: for exports, the demo summary and other features.</summary>
public interface IEvidenceReader
{
    /// <summary>The case's entries in chain order (empty when the case has none).</summary>
    Task<IReadOnlyList<ArchivedEntry>> ReadCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default);

    /// <summary>The bytes of an item (<see cref="EvidenceEntry.ItemPath"/>) or an entry (<see cref="ArchivedEntry.EntryPath"/>) as archived.</summary>
    Task<byte[]> ReadItemAsync(string itemPath, CancellationToken cancellationToken = default);

    /// <summary>Cases of a creditor, or of one debtor, in name order.</summary>
    Task<IReadOnlyList<EvidenceCaseRef>> ListCasesAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default);

    /// <summary>Number of cases and items (per kind) of a creditor, or of one debtor.</summary>
    Task<EvidenceCounts> CountAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every hash of the case in the live archive.</summary>
    Task<ChainReport> VerifyCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default);
}
