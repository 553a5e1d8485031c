namespace Receivables.Ledger;

/// <summary>
/// Where an invoice or credit note that came in as EHF was read from: the uploaded file in the ledger container (it
/// stays there), the version read, and when that version was uploaded.
/// </summary>
public sealed record EhfSource(string CreditorId, string DocumentNumber, string BlobName, string ETag, DateTimeOffset UploadedAt);
