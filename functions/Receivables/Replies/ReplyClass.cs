namespace Receivables.Replies;

/// <summary>What a reply is about. The class alone decides the action; extracted values are only proposals checked by rules.</summary>
public enum ReplyClass
{
    PromiseToPay,
    Dispute,
    Liquidity,
    AlreadyPaid,
    NotReceived,
    CopyRequest,
    AutoReply,
    ContactChange,
    Other,

    /// <summary>A question with a factual answer (account number and KID, which invoice, why a fee, the balance).</summary>
    Question,

    /// <summary>A delivery-status notification (bounce): not the debtor's words; the address is failing.</summary>
    DeliveryFailure,
}
