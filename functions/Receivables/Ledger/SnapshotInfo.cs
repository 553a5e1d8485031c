namespace Receivables.Ledger;

/// <summary>An accepted snapshot: the ledger file it came from and when the data was taken.</summary>
public sealed record SnapshotInfo(
    string CreditorId,
    string SnapshotId,
    string SourceFile,
    DateTimeOffset TakenAt,
    DateTimeOffset AcceptedAt,
    int Debtors,
    int Invoices,
    string Sha256);
