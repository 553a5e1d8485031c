namespace Receivables.Local.Bench;

/// <summary>What the crash bench measured.</summary>
public sealed record CrashBenchResult(
    int Debtors,
    int Kills,
    int KillsWhileSending,
    int Runs,
    int EmailsAccepted,
    int Messages,
    int Duplicates,
    int StuckPending,
    int IntentsLeft,
    int QueuedLeft,
    int Poisoned,
    int MostEmulators,
    TimeSpan Elapsed)
{
    /// <summary>Email Activity lookups made (sends that found a try a killed run had left without proof).</summary>
    public int Lookups { get; init; }

    public bool ActivityLookup { get; init; }
}
