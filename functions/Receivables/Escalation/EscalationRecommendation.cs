namespace Receivables.Escalation;

/// <summary>What the escalation gate recommends at the last automatic level of the ladder.</summary>
public enum EscalationRecommendation
{
    /// <summary>Hand the claim over to a collection agency (inkasso).</summary>
    Collection,

    /// <summary>Propose a repayment plan.</summary>
    Plan,

    /// <summary>Give the debtor more time (a new deadline) before deciding again.</summary>
    ExtendCredit,

    /// <summary>Write down (part of) the claim: pursuing it costs more than it brings.</summary>
    WriteDown,
}
