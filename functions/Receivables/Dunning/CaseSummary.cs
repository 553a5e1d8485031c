namespace Receivables.Dunning;

/// <summary>The few columns the cycle needs to decide whether a case must be looked at.</summary>
public sealed record CaseSummary(string DebtorId, string Stage, string? LedgerHash, DateOnly? NextAction, bool Paused, bool HasPending, PauseReason? PauseReason = null);
