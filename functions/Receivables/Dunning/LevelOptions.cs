namespace Receivables.Dunning;

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
