namespace Receivables.Dunning;

/// <summary>What a level's fee is (inkassoforskriften §§ 1-1 to 1-3).</summary>
public enum FeeKind
{
    None,

    /// <summary>Purregebyr: 1/20 of the inkassosats (also for an inkassovarsel).</summary>
    Reminder,

    /// <summary>The creditor's own § 10 payment demand (betalingsoppfordring): 3/20 of the inkassosats.</summary>
    PaymentDemand,
}
