namespace Receivables.Plans;

/// <summary>What a plan is drawn up for: the debtor's claim and the debtor's wishes.</summary>
public sealed record PlanInput(
    decimal Principal,
    decimal Fees,
    decimal Interest,
    string Currency,
    DateOnly StartDate,
    decimal DownPayment = 0m,
    decimal? ProposedInstallment = null,
    PlanFrequency? Frequency = null);
