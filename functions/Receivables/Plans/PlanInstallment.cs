namespace Receivables.Plans;

/// <summary>One payment of a plan. <see cref="Amount"/> = <see cref="Principal"/> + <see cref="Interest"/>.</summary>
public sealed record PlanInstallment(int Number, DateOnly DueDate, decimal Principal, decimal Interest, bool IsDownPayment)
{
    public decimal Amount => Principal + Interest;
}
