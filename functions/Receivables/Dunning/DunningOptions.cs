namespace Receivables.Dunning;

/// <summary>
/// The dunning settings, bound from <c>Receivables:Dunning</c>. Every number and date of the law is configuration
/// here, with the published Norwegian values as defaults (see <see cref="DunningDefaults"/> and docs/dunning.md).
/// </summary>
public sealed class DunningOptions
{
    public const string Section = "Receivables:Dunning";

    /// <summary>The cycle sends nothing for a creditor whose latest accepted ledger was taken more than this many days ago.</summary>
    public int MaxLedgerAgeDays { get; set; } = 3;

    /// <summary>
    /// What the collection-notice step (inkassovarsel, inkassoloven § 9) does: <c>Send</c> it ourselves, or
    /// <c>HandOver</c> (stop and give the case to a person or a licensed agency). A pending act (Prop. 3 L (2025–2026))
    /// may reserve the notice to licensed agencies.
    /// </summary>
    public CollectionNoticeMode CollectionNotice { get; set; } = CollectionNoticeMode.Send;

    /// <summary>Day-count basis of late-payment interest (actual days / this).</summary>
    public int InterestDayBasis { get; set; } = 365;

    /// <summary>Ladders by name. Defaults <c>b2c</c> and <c>b2b</c>; a configured name with the same key replaces the default.</summary>
    public Dictionary<string, PolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per creditor: which policy applies to businesses and to consumers (default <c>b2b</c> / <c>b2c</c>).</summary>
    public Dictionary<string, CreditorPolicyOptions> Creditors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per creditor, per debtor id: a policy name, or <c>never-automatic</c> (the debtor never gets an automatic
    /// step; a person follows it up). <c>Receivables:Dunning:DebtorOverrides:&lt;creditor&gt;:&lt;debtor&gt;</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> DebtorOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Late-payment interest (forsinkelsesrenteloven § 3) and § 3a standard compensation by half-year. Empty: the defaults.</summary>
    public List<RatePeriodOptions> Rates { get; set; } = [];

    /// <summary>The inkassosats by date (inkassoforskriften § 1-1). Empty: the defaults.</summary>
    public List<InkassosatsOptions> Inkassosats { get; set; } = [];

    /// <summary>How the cycle is cut into shards and worked on in parallel.</summary>
    public DunningScaleOptions Scale { get; set; } = new();

    /// <summary>
    /// A reminder still pending this long after the cycle queued it has lost its queue message (a crash before it was
    /// queued, a lost queue): any run of the cycle, a rerun the same day too, queues it again. At least the queue's
    /// visibility timeout (a message in flight is invisible that long); sending stays exactly once either way.
    /// </summary>
    public TimeSpan RequeuePendingAfter { get; set; } = TimeSpan.FromMinutes(10);
}
