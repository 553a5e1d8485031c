using System.ComponentModel.DataAnnotations;

namespace Receivables.Evidence;

/// <summary>
/// Settings of the evidence archive, bound from <c>Receivables:Evidence</c>. The retention defaults to the primary
/// documentation period of bokføringsloven § 13 second paragraph: five years after the end of the financial year.
/// </summary>
public sealed class EvidenceOptions
{
    public const string Section = "Receivables:Evidence";

    /// <summary>Years after the end of the financial year (calendar year) that an item is kept.</summary>
    [Range(1, 100, ErrorMessage = "Receivables:Evidence:RetentionYears must be a whole number of years between 1 and 100 (bokføringsloven § 13: 5).")]
    public int RetentionYears { get; init; } = 5;

    /// <summary>Last month of the financial year (12 = calendar year, the default of regnskapsloven).</summary>
    [Range(1, 12, ErrorMessage = "Receivables:Evidence:FinancialYearEndMonth must be a month number 1-12.")]
    public int FinancialYearEndMonth { get; init; } = 12;

    /// <summary>
    /// The WORM period (days) infra sets on the container: the retention counted from the moment a blob is written must
    /// cover the whole financial year it falls in, so it is one year longer than <see cref="RetentionYears"/>.
    /// </summary>
    public int ImmutabilityPeriodDays => (RetentionYears + 1) * 366;

    /// <summary>The last day an item archived at <paramref name="archivedOn"/> must be kept.</summary>
    public DateOnly RetainUntil(DateOnly archivedOn)
    {
        var yearEnd = new DateOnly(archivedOn.Year, FinancialYearEndMonth, 1).AddMonths(1).AddDays(-1);
        if (yearEnd < archivedOn)
        {
            yearEnd = new DateOnly(archivedOn.Year + 1, FinancialYearEndMonth, 1).AddMonths(1).AddDays(-1);
        }

        return yearEnd.AddYears(RetentionYears);
    }
}
