namespace Receivables.Dunning;

/// <summary>What the ladder decided for one debtor on one date.</summary>
public sealed record LadderDecision(
    PendingMessage? Message,
    IReadOnlyList<string> HandedOver,
    string Reason)
{
    public bool Closed { get; init; }

    /// <summary>Invoices that had reached a level and are no longer open in the ledger (paid or credited since the last look).</summary>
    public IReadOnlyList<string> Settled { get; init; } = [];

    /// <summary>The credit note a resolved dispute waited for is now in the ledger; its invoices left the hold.</summary>
    public bool CreditReleased { get; init; }

    /// <summary>A promise-to-pay pause ran out today (the date it ran until); the ledger still decides whether it was kept.</summary>
    public DateOnly? PromiseRanOut { get; init; }
}
