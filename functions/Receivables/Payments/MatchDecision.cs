namespace Receivables.Payments;

/// <summary>What the matcher decided for one incoming payment.</summary>
public sealed record MatchDecision(MatchRule Rule, string? DebtorId, IReadOnlyList<PaymentAllocation> Allocations, decimal Overpayment, string Reason)
{
    public bool IsMatched => Rule != MatchRule.None;
}
