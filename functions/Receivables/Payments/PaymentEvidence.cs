namespace Receivables.Payments;

/// <summary>Where payment evidence goes when the debtor has no dunning case yet (paid before any reminder).</summary>
public static class PaymentEvidence
{
    public const string NoCase = "payments";
}
