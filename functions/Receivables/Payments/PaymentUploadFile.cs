namespace Receivables.Payments;

/// <summary>An uploaded bank file as storage describes it.</summary>
public sealed record PaymentUploadFile(string BlobName, string ETag, long Length, DateTimeOffset LastModified);
