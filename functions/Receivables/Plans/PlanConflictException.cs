namespace Receivables.Plans;

/// <summary>Thrown when a plan changed since it was read (another host or a retry got there first).</summary>
public sealed class PlanConflictException(string planId) : Exception($"Plan {planId} was changed by someone else; read it again.");
