namespace Receivables.Payments;

/// <summary>States of a stored payment.</summary>
public static class PaymentStates
{
    public const string Claimed = "claimed";
    public const string Matched = "matched";
    public const string Unmatched = "unmatched";
    public const string Reversed = "reversed";
    public const string Reversal = "reversal";
}
