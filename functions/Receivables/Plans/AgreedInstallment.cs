namespace Receivables.Plans;

/// <summary>One payment of a plan as agreed: due date and amount (principal part plus any plan interest).</summary>
public sealed record AgreedInstallment(int Number, DateOnly DueDate, decimal Amount, bool IsDownPayment);
