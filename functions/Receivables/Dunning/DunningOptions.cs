using System.Globalization;
using Microsoft.Extensions.Options;

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

public enum CollectionNoticeMode
{
    Send,
    HandOver,
}

public sealed class CreditorPolicyOptions
{
    public string Business { get; set; } = "b2b";

    public string Consumer { get; set; } = "b2c";
}

/// <summary>One ladder: ordered levels, a minimum amount and grace days.</summary>
public sealed class PolicyOptions
{
    /// <summary>Below this net overdue amount nothing is sent.</summary>
    public decimal MinimumAmount { get; set; }

    /// <summary>Days after the due date before an invoice counts as overdue at all.</summary>
    public int GraceDays { get; set; }

    public List<LevelOptions> Levels { get; set; } = [];
}

/// <summary>What a level's fee is (inkassoforskriften §§ 1-1 to 1-3).</summary>
public enum FeeKind
{
    None,

    /// <summary>Purregebyr: 1/20 of the inkassosats (also for an inkassovarsel).</summary>
    Reminder,

    /// <summary>The creditor's own § 10 payment demand (betalingsoppfordring): 3/20 of the inkassosats.</summary>
    PaymentDemand,
}

/// <summary>One step of a ladder.</summary>
public sealed class LevelOptions
{
    /// <summary>The case stage this level reaches (<see cref="CaseStages"/>).</summary>
    public string Stage { get; set; } = CaseStages.Friendly;

    /// <summary>The message template (<see cref="Email.MessageTemplates"/>); empty for the last, manual level (no message).</summary>
    public string? Template { get; set; }

    /// <summary>Earliest: this many days after the due date (null: not constrained).</summary>
    public int? DaysAfterDue { get; set; }

    /// <summary>Earliest: this many days after the previous level was sent (and never before its deadline has passed).</summary>
    public int? DaysAfterPrevious { get; set; }

    public FeeKind Fee { get; set; }

    /// <summary>Show late-payment interest (forsinkelsesrenteloven § 3) to date on this message.</summary>
    public bool Interest { get; set; }

    /// <summary>Claim the § 3a standard compensation from business debtors on this message (less reminder fees charged).</summary>
    public bool Compensation { get; set; }

    /// <summary>Days to pay given by this message (the deadline, rolled to a business day).</summary>
    public int DeadlineDays { get; set; } = 14;
}

public sealed class RatePeriodOptions
{
    public DateOnly From { get; set; }

    /// <summary>Percent per year.</summary>
    public decimal Rate { get; set; }

    /// <summary>Standard compensation in NOK (forsinkelsesrenteloven § 3a).</summary>
    public decimal Compensation { get; set; }
}

public sealed class InkassosatsOptions
{
    public DateOnly From { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>
/// The published Norwegian values: late-payment interest and standard compensation (forsinkelsesrenteloven §§ 3, 3a, set
/// by regulation per half-year) and the inkassosats behind reminder fees (inkassoforskriften §§ 1-1 to 1-3); each row's
/// source is in docs/dunning.md.
/// </summary>
public static class DunningDefaults
{
    public const string NeverAutomatic = "never-automatic";

    public static List<RatePeriodOptions> Rates() =>
    [
        Rate("2022-01-01", 8.50m, 390m),
        Rate("2022-07-01", 9.25m, 400m),
        Rate("2023-01-01", 10.75m, 410m),
        Rate("2023-07-01", 11.75m, 460m),
        Rate("2024-01-01", 12.50m, 470m),
        Rate("2024-07-01", 12.50m, 470m), // rate and compensation UNVERIFIED (FOR-2024-06-26-1320 exists; figures not confirmed)
        Rate("2025-01-01", 12.50m, 470m),
        Rate("2025-07-01", 12.25m, 470m), // FOR-2025-06-23-1321; rate derived, compensation UNVERIFIED
        Rate("2026-01-01", 12.00m, 460m),
    ];

    public static List<InkassosatsOptions> Inkassosats() =>
    [
        new() { From = new DateOnly(2017, 1, 1), Amount = 700m },
        new() { From = new DateOnly(2026, 1, 1), Amount = 750m },
    ];

    public static PolicyOptions Consumer() => new()
    {
        MinimumAmount = 0m,
        GraceDays = 0,
        Levels =
        [
            new() { Stage = CaseStages.Friendly, Template = Email.MessageTemplates.Friendly, DaysAfterDue = 5, Fee = FeeKind.None, DeadlineDays = 10 },
            new() { Stage = CaseStages.Reminder, Template = Email.MessageTemplates.Reminder, DaysAfterDue = 14, DaysAfterPrevious = 14, Fee = FeeKind.Reminder, Interest = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.CollectionNotice, Template = Email.MessageTemplates.CollectionNotice, DaysAfterPrevious = 15, Fee = FeeKind.Reminder, Interest = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.Manual, Template = null, DaysAfterPrevious = 15 },
        ],
    };

    public static PolicyOptions Business() => new()
    {
        MinimumAmount = 0m,
        GraceDays = 0,
        Levels =
        [
            new() { Stage = CaseStages.Friendly, Template = Email.MessageTemplates.Friendly, DaysAfterDue = 3, Fee = FeeKind.None, DeadlineDays = 10 },
            new() { Stage = CaseStages.Reminder, Template = Email.MessageTemplates.Reminder, DaysAfterDue = 14, DaysAfterPrevious = 14, Fee = FeeKind.Reminder, Interest = true, Compensation = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.CollectionNotice, Template = Email.MessageTemplates.CollectionNotice, DaysAfterPrevious = 15, Fee = FeeKind.Reminder, Interest = true, Compensation = true, DeadlineDays = 14 },
            new() { Stage = CaseStages.Manual, Template = null, DaysAfterPrevious = 15 },
        ],
    };

    private static RatePeriodOptions Rate(string from, decimal rate, decimal compensation) =>
        new() { From = DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture), Rate = rate, Compensation = compensation };
}

/// <summary>Fills what configuration left empty with <see cref="DunningDefaults"/>.</summary>
internal sealed class DunningDefaultsSetup : IPostConfigureOptions<DunningOptions>
{
    public void PostConfigure(string? name, DunningOptions options)
    {
        if (options.Rates.Count == 0)
        {
            options.Rates = DunningDefaults.Rates();
        }

        if (options.Inkassosats.Count == 0)
        {
            options.Inkassosats = DunningDefaults.Inkassosats();
        }

        if (!options.Policies.ContainsKey("b2c"))
        {
            options.Policies["b2c"] = DunningDefaults.Consumer();
        }

        if (!options.Policies.ContainsKey("b2b"))
        {
            options.Policies["b2b"] = DunningDefaults.Business();
        }

        options.Rates = [.. options.Rates.OrderBy(r => r.From)];
        options.Inkassosats = [.. options.Inkassosats.OrderBy(r => r.From)];
    }
}

/// <summary>Checks the ladders against the law's minimums, with messages naming the setting.</summary>
internal sealed class DunningOptionsValidator : IValidateOptions<DunningOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningOptions options)
    {
        var failures = new List<string>();
        if (options.MaxLedgerAgeDays < 0)
        {
            failures.Add($"{DunningOptions.Section}:MaxLedgerAgeDays must be 0 or more (days); it is {options.MaxLedgerAgeDays}.");
        }

        if (options.RequeuePendingAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{DunningOptions.Section}:RequeuePendingAfter must be at least 00:00:01 (and should be at least the queue's visibility timeout); it is {options.RequeuePendingAfter}.");
        }

        if (options.Scale.DebtorsPerShard < 1)
        {
            failures.Add($"{DunningOptions.Section}:Scale:DebtorsPerShard must be at least 1; it is {options.Scale.DebtorsPerShard}.");
        }

        if (options.Scale.MaxShards is < 1 or > Common.DebtorShards.MaxShards)
        {
            failures.Add($"{DunningOptions.Section}:Scale:MaxShards must be between 1 and {Common.DebtorShards.MaxShards}; it is {options.Scale.MaxShards}.");
        }

        if (options.Scale.Parallelism is < 1 or > 64)
        {
            failures.Add($"{DunningOptions.Section}:Scale:Parallelism must be between 1 and 64; it is {options.Scale.Parallelism}.");
        }

        if (options.InterestDayBasis is not (360 or 365))
        {
            failures.Add($"{DunningOptions.Section}:InterestDayBasis must be 365 or 360; it is {options.InterestDayBasis}.");
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            var prefix = $"{DunningOptions.Section}:Policies:{policyName}";
            if (policy.Levels.Count == 0)
            {
                failures.Add($"{prefix}:Levels is empty: a ladder needs at least one level.");
            }

            for (var i = 0; i < policy.Levels.Count; i++)
            {
                var level = policy.Levels[i];
                var at = $"{prefix}:Levels:{i}";
                if (level.DaysAfterDue is null && level.DaysAfterPrevious is null)
                {
                    failures.Add($"{at}: set DaysAfterDue or DaysAfterPrevious (when the step may happen).");
                }

                if (i == 0 && level.DaysAfterDue is null)
                {
                    failures.Add($"{at}:DaysAfterDue is required for the first level.");
                }

                if (level.Template is not null && level.DeadlineDays < 1)
                {
                    failures.Add($"{at}:DeadlineDays must be at least 1.");
                }

                if (level.Stage == CaseStages.CollectionNotice && level.DeadlineDays < 14)
                {
                    failures.Add($"{at}:DeadlineDays is {level.DeadlineDays}: an inkassovarsel must give at least 14 days (inkassoloven § 9).");
                }

                if (level.Fee == FeeKind.PaymentDemand && level.DeadlineDays < 14)
                {
                    failures.Add($"{at}:DeadlineDays is {level.DeadlineDays}: a § 10 payment demand must give at least 14 days (inkassoloven § 10).");
                }

                if (level.Stage is not (CaseStages.Friendly or CaseStages.Reminder or CaseStages.CollectionNotice or CaseStages.Manual))
                {
                    failures.Add($"{at}:Stage '{level.Stage}' is not one of {CaseStages.Friendly}, {CaseStages.Reminder}, {CaseStages.CollectionNotice}, {CaseStages.Manual}.");
                }
            }
        }

        foreach (var (creditor, policies) in options.Creditors)
        {
            foreach (var (kind, policyName) in new[] { ("Business", policies.Business), ("Consumer", policies.Consumer) })
            {
                if (!options.Policies.ContainsKey(policyName))
                {
                    failures.Add($"{DunningOptions.Section}:Creditors:{creditor}:{kind} names policy '{policyName}', which is not configured under {DunningOptions.Section}:Policies.");
                }
            }
        }

        foreach (var (creditor, debtors) in options.DebtorOverrides)
        {
            foreach (var (debtor, policyName) in debtors)
            {
                if (policyName != DunningDefaults.NeverAutomatic && !options.Policies.ContainsKey(policyName))
                {
                    failures.Add($"{DunningOptions.Section}:DebtorOverrides:{creditor}:{debtor} is '{policyName}': use '{DunningDefaults.NeverAutomatic}' or a policy name.");
                }
            }
        }

        if (options.Rates.Count == 0 || options.Inkassosats.Count == 0)
        {
            failures.Add($"{DunningOptions.Section}:Rates and :Inkassosats need at least one dated row.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
