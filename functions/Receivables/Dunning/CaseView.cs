namespace Receivables.Dunning;

/// <summary>A debtor's dunning case as other features see it.</summary>
public sealed record CaseView(
    string CreditorId,
    string DebtorId,
    string CaseId,
    string ReplyToken,
    string Stage,
    string? DebtorEmail,
    PauseReason? Pause,
    DateOnly? PausedUntil,
    IReadOnlyList<string> HeldInvoices)
{
    /// <summary>The credit note a resolved dispute waits for before its invoices leave the hold (null: none).</summary>
    public AwaitedCredit? AwaitedCredit { get; init; }

    /// <summary>The debtor's name as the ledger last showed it (for a letter when the debtor has left the ledger).</summary>
    public string? DebtorName { get; init; }

    public bool IsBusiness { get; init; }

    /// <summary>A person set the case to never-automatic: nothing is sent by the cycle until a person undoes it.</summary>
    public bool NeverAutomatic { get; init; }

    /// <summary>Held for a dispute: the whole case or some of its invoices.</summary>
    public bool IsHeld => Pause == PauseReason.Dispute || HeldInvoices.Count > 0;
}
