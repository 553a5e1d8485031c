namespace Receivables.CreditHold;

/// <summary>
/// A debtor's credit-hold row: the decision (held or lifted, why, on what figures) and which of its signals were
/// delivered (queued, posted to the ERP). <see cref="Version"/> is the store's concurrency token (null: not stored yet).
/// </summary>
public sealed record CreditHoldRecord
{
    public required string CreditorId { get; init; }

    public required string DebtorId { get; init; }

    public string HoldId { get; init; } = "";

    public bool Held { get; init; }

    /// <summary>How many holds this debtor has had (the hold id counts them).</summary>
    public int Holds { get; init; }

    public DateOnly RaisedOn { get; init; }

    public DateTimeOffset? RaisedAt { get; init; }

    public DateOnly? LiftedOn { get; init; }

    public DateTimeOffset? LiftedAt { get; init; }

    public string Reason { get; init; } = "";

    public string? LiftReason { get; init; }

    public decimal OverdueAmount { get; init; }

    public string Currency { get; init; } = "NOK";

    public string? DebtorName { get; init; }

    public string? OrgNumber { get; init; }

    public bool HoldQueued { get; init; }

    public bool HoldPosted { get; init; }

    public bool LiftQueued { get; init; }

    public bool LiftPosted { get; init; }

    public string? Version { get; init; }

    public bool IsDelivered(CreditHoldFlag flag) => flag switch
    {
        CreditHoldFlag.HoldQueued => HoldQueued,
        CreditHoldFlag.HoldPosted => HoldPosted,
        CreditHoldFlag.LiftQueued => LiftQueued,
        _ => LiftPosted,
    };

    public CreditHoldRecord With(CreditHoldFlag flag) => flag switch
    {
        CreditHoldFlag.HoldQueued => this with { HoldQueued = true },
        CreditHoldFlag.HoldPosted => this with { HoldPosted = true },
        CreditHoldFlag.LiftQueued => this with { LiftQueued = true },
        _ => this with { LiftPosted = true },
    };

    public CreditHoldState ToState() => new(CreditorId, DebtorId, HoldId, Held, RaisedOn, LiftedOn, Reason, OverdueAmount, Currency);
}
