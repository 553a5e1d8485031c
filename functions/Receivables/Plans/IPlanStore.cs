namespace Receivables.Plans;

/// <summary>Stored repayment plans.</summary>
public interface IPlanStore
{
    /// <summary>Adds the plan; when one with its id exists already (a retried draft) returns that one instead.</summary>
    Task<RepaymentPlan> AddAsync(RepaymentPlan plan, CancellationToken cancellationToken = default);

    Task<RepaymentPlan?> GetAsync(string creditorId, string planId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the plan guarded by its ETag; throws <see cref="PlanConflictException"/> when it changed.</summary>
    Task SaveAsync(RepaymentPlan plan, CancellationToken cancellationToken = default);

    IAsyncEnumerable<RepaymentPlan> ListAsync(string? creditorId = null, string? debtorId = null, CancellationToken cancellationToken = default);
}
