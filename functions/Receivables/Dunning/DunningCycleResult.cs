namespace Receivables.Dunning;

/// <summary>What one run of the dunning cycle did.</summary>
public sealed record DunningCycleResult(DateOnly AsOf, int DebtorsConsidered, int RemindersQueued, IReadOnlyList<string> Notes)
{
    /// <summary>Debtors skipped because their case could not be processed (each told to the observers: a task, the status).</summary>
    public IReadOnlyList<DebtorFailure> Failures { get; init; } = [];
}
