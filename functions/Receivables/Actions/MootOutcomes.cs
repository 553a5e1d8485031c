namespace Receivables.Actions;

/// <summary>Outcomes the system records when the ledger or a reply made a task moot (never chosen by a person).</summary>
public static class MootOutcomes
{
    /// <summary>The ledger shows what the task was about paid (or credited).</summary>
    public const string Paid = "paid";

    /// <summary>The debtor disputes the claim: the dispute review replaces the call or the escalation decision.</summary>
    public const string SupersededByDispute = "superseded-by-dispute";

    /// <summary>The ledger shows the credit note a person was asked to book.</summary>
    public const string Credited = "credited";
}
