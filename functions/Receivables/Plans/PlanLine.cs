namespace Receivables.Plans;

public sealed record PlanLine(string PlanId, string DebtorId, string Status, decimal Claim, string Currency, decimal Paid, int Missed, DateOnly? NextDue);
