namespace Receivables.Evidence;

/// <summary>manifest.json of an export bundle: every file with its SHA-256, and each chain's head.</summary>
public sealed record BundleManifest(
    string Format,
    string CreditorId,
    string CreditorName,
    string DebtorId,
    DateTimeOffset ExportedAt,
    int RetentionYears,
    string TimelineSha256,
    IReadOnlyList<BundleCase> Cases);
