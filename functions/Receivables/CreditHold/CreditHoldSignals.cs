namespace Receivables.CreditHold;

/// <summary>The two signals: hold deliveries to the debtor, or lift that hold.</summary>
public static class CreditHoldSignals
{
    public const string Hold = "hold";
    public const string Lifted = "lifted";

    /// <summary>The schema id carried by every message; docs/credit-hold.schema.json documents its shape.</summary>
    public const string Schema = "receivables.credit-hold/1";
}
