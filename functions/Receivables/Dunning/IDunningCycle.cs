namespace Receivables.Dunning;

/// <summary>The daily dunning cycle: decide per debtor the next step and queue the reminders.</summary>
public interface IDunningCycle
{
    /// <summary>Runs the cycle for <paramref name="asOf"/> (null: today in the business time zone). Deterministic for a given ledger and date.</summary>
    Task<DunningCycleResult> RunAsync(DateOnly? asOf, CancellationToken cancellationToken = default);
}
