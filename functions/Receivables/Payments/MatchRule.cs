namespace Receivables.Payments;

/// <summary>Which rule placed a payment.</summary>
public enum MatchRule
{
    /// <summary>Not placed: a task asks a person.</summary>
    None,

    /// <summary>The KID of the payment is the KID of an open invoice (MOD10 or MOD11 check digit valid).</summary>
    Kid,

    /// <summary>The ISO 11649 RF reference (check valid) carries an open invoice's number or KID.</summary>
    Rf,

    /// <summary>The free text names an open invoice (number or KID) whose open amount equals the payment exactly.</summary>
    Text,
}
