namespace Receivables.Plans;

/// <summary>
/// What a plan is drawn up for: the debtor's claim and the debtor's wishes (or a person's adjustment). A first due date
/// before the start date is ignored (the policy's <see cref="PlanPolicy.FirstPaymentDays"/> applies).
/// </summary>
public sealed record PlanInput(
    decimal Principal,
    decimal Fees,
    decimal Interest,
    string Currency,
    DateOnly StartDate,
    decimal DownPayment = 0m,
    decimal? ProposedInstallment = null,
    PlanFrequency? Frequency = null,
    DateOnly? FirstDueDate = null);
