namespace Receivables.Dunning;

/// <summary>One creditor's dunning figures for <c>status</c>.</summary>
public sealed record CreditorDunningStatus(
    string CreditorId,
    IReadOnlyDictionary<string, int> CasesPerStage,
    int Paused,
    int PendingMessages,
    DateOnly? LastCycleDate,
    bool Stale,
    string? StaleReason,
    CycleProgress? LatestCycle = null);
