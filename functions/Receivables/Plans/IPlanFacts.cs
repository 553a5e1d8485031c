namespace Receivables.Plans;

/// <summary>Reads <see cref="PlanFacts"/> for a debtor. The plans feature implements it; without it every debtor has none.</summary>
public interface IPlanFacts
{
    Task<PlanFacts> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);
}
