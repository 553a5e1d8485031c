namespace Receivables.Dunning;

/// <summary>One ladder: ordered levels, a minimum amount and grace days.</summary>
public sealed class PolicyOptions
{
    /// <summary>Below this net overdue amount nothing is sent.</summary>
    public decimal MinimumAmount { get; set; }

    /// <summary>Days after the due date before an invoice counts as overdue at all.</summary>
    public int GraceDays { get; set; }

    public List<LevelOptions> Levels { get; set; } = [];
}
