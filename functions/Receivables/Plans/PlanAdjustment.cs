namespace Receivables.Plans;

/// <summary>
/// What a person changes on a draft before approving it: the installment amount or the number of installments (not
/// both), the frequency and the first due date. Null leaves that term as the draft has it.
/// </summary>
public sealed record PlanAdjustment(decimal? Installment = null, int? Count = null, PlanFrequency? Frequency = null, DateOnly? FirstDueDate = null)
{
    public bool IsEmpty => Installment is null && Count is null && Frequency is null && FirstDueDate is null;
}
