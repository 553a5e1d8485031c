namespace Receivables.Dunning;

/// <summary>Why a case is paused. A paused case gets no automatic step until it resumes by rule or by a person.</summary>
public enum PauseReason
{
    PromiseToPay,
    Dispute,
    PlanInForce,

    /// <summary>A repayment proposal was sent; dunning waits for the answer until its deadline.</summary>
    PlanProposed,
    AwaitingLedger,
    Manual,

    /// <summary>A reminder could not be sent (bad address or data): held until a person fixes it or sends it another way.</summary>
    SendFailed,
}
