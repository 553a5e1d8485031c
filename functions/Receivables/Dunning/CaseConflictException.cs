namespace Receivables.Dunning;

/// <summary>The case was changed by someone else since it was read (optimistic concurrency); re-read and retry.</summary>
public sealed class CaseConflictException(string creditorId, string debtorId)
    : Exception($"The case of {creditorId}/{debtorId} changed while it was being updated.");
