namespace Receivables.Ledger;

/// <summary>An uploaded ledger file as storage describes it.</summary>
public sealed record LedgerUploadFile(string BlobName, string ETag, long Length, DateTimeOffset LastModified, DateTimeOffset? TakenAt);
