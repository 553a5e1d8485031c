namespace Receivables.Ledger;

/// <summary>Thrown when another snapshot was accepted for the creditor while this one was being prepared.</summary>
public sealed class SnapshotConflictException(string creditorId) : Exception($"Another ledger snapshot for '{creditorId}' was accepted concurrently; the upload will be retried against it.");
