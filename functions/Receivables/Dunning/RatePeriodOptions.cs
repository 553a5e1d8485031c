namespace Receivables.Dunning;

public sealed class RatePeriodOptions
{
    public DateOnly From { get; set; }

    /// <summary>Percent per year.</summary>
    public decimal Rate { get; set; }

    /// <summary>Standard compensation in NOK (forsinkelsesrenteloven § 3a).</summary>
    public decimal Compensation { get; set; }
}
