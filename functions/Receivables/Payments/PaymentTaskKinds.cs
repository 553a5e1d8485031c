namespace Receivables.Payments;

/// <summary>Work the payments feature gives a person (task kinds are strings; see <see cref="Actions.TaskKinds"/>).</summary>
public static class PaymentTaskKinds
{
    /// <summary>"Payment we could not place": no KID, reference or text that names an open invoice.</summary>
    public const string UnplacedPayment = "unplaced-payment";

    /// <summary>A debtor paid more than it owes: refund or keep as credit.</summary>
    public const string Overpayment = "overpayment";

    /// <summary>A matched bank payment that the ledger still does not show after the configured days.</summary>
    public const string ReconcilePayment = "reconcile-payment";

    /// <summary>A reversal for which no stored payment was found, or whose payment the ledger already shows.</summary>
    public const string UnplacedReversal = "unplaced-reversal";
}
