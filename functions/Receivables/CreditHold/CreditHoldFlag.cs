namespace Receivables.CreditHold;

/// <summary>Each delivery of a hold or lift signal, recorded once it is done.</summary>
public enum CreditHoldFlag
{
    HoldQueued,
    HoldPosted,
    LiftQueued,
    LiftPosted,
}
