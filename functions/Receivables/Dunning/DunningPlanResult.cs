namespace Receivables.Dunning;

/// <summary>What the planner did for a date: the plans it made (or found) per creditor, and notes for the operator.</summary>
public sealed record DunningPlanResult(DateOnly AsOf, IReadOnlyList<CyclePlan> Plans, IReadOnlyList<string> Notes);
