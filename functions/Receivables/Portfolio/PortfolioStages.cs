using Receivables.Dunning;

namespace Receivables.Portfolio;

/// <summary>
/// The stages a credit controller sees: the ladder's stages, and a paused case by why it is paused (a plan, a dispute,
/// on hold). The order is the order of the overview.
/// </summary>
public static class PortfolioStages
{
    public const string Current = "current";
    public const string Friendly = "friendly";
    public const string Reminder = "reminder";
    public const string CollectionNotice = "collection-notice";
    public const string Manual = "manual";
    public const string Plan = "plan";
    public const string Disputed = "disputed";
    public const string OnHold = "on-hold";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> Ordered = [Current, Friendly, Reminder, CollectionNotice, Manual, Plan, Disputed, OnHold, Closed];

    /// <summary>Aging buckets: not due, 1–30, 31–60, 61–90 and more than 90 days past due.</summary>
    public static readonly IReadOnlyList<string> Buckets = ["not-due", "1-30", "31-60", "61-90", "90+"];

    public static int BucketOf(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };

    public static string Of(string ladderStage, PauseReason? pause) => pause switch
    {
        PauseReason.PlanInForce or PauseReason.PlanProposed => Plan,
        PauseReason.Dispute => Disputed,
        PauseReason.Manual or PauseReason.PromiseToPay or PauseReason.AwaitingLedger or PauseReason.SendFailed => OnHold,
        _ => ladderStage switch
        {
            CaseStages.Friendly => Friendly,
            CaseStages.Reminder => Reminder,
            CaseStages.CollectionNotice => CollectionNotice,
            CaseStages.Manual => Manual,
            CaseStages.Closed => Closed,
            _ => Current,
        },
    };
}
