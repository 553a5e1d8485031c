using Receivables.Common;

namespace Receivables.Dunning;

/// <summary>
/// The dated tables of the law: late-payment interest and standard compensation per half-year
/// (forsinkelsesrenteloven §§ 3 and 3a), and the inkassosats (inkassoforskriften § 1-1).
/// </summary>
public sealed class RateTables(IReadOnlyList<RatePeriodOptions> rates, IReadOnlyList<InkassosatsOptions> inkassosats, int dayBasis = 365)
{
    public static RateTables From(DunningOptions options) => new(options.Rates, options.Inkassosats, options.InterestDayBasis);

    /// <summary>
    /// The currency of the inkassosats, the fees derived from it and the § 3a compensation: Norwegian kroner by law,
    /// whatever the invoice's currency. Letters state these amounts in NOK; they are never relabelled as another currency.
    /// </summary>
    public const string Currency = "NOK";

    /// <summary>The day-count basis of interest (365 or 360).</summary>
    public int DayBasis => dayBasis;

    /// <summary>The inkassosats in force on <paramref name="date"/> (the day of sending decides, inkassoforskriften § 1-1).</summary>
    public decimal InkassosatsOn(DateOnly date) =>
        inkassosats.LastOrDefault(r => r.From <= date)?.Amount
        ?? throw new ReceivablesException($"No inkassosats configured for {date:yyyy-MM-dd}: add a row to {DunningOptions.Section}:Inkassosats with From on or before that date.");

    /// <summary>Purregebyr: 1/20 of the inkassosats on the day of sending (§ 1-1; also for an inkassovarsel).</summary>
    public decimal ReminderFeeOn(DateOnly date) => Rounding.ToMinorUnit(InkassosatsOn(date) / 20m);

    /// <summary>The creditor's own § 10 payment demand: 3/20 of the inkassosats (§ 1-2).</summary>
    public decimal PaymentDemandFeeOn(DateOnly date) => Rounding.ToMinorUnit(InkassosatsOn(date) * 3m / 20m);

    public RatePeriodOptions RateOn(DateOnly date) =>
        rates.LastOrDefault(r => r.From <= date)
        ?? throw new ReceivablesException($"No late-payment rate configured for {date:yyyy-MM-dd}: add a row to {DunningOptions.Section}:Rates with From on or before that date.");

    /// <summary>The half-year (1 January or 1 July) that <paramref name="date"/> falls in: rates are set per half-year (§ 3).</summary>
    public static DateOnly HalfYearOf(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 7, 1);

    /// <summary>Whether the half-year of <paramref name="date"/> has no row of its own (the previous half-year's rate would be reused).</summary>
    public bool IsProvisional(DateOnly date) => rates.Count > 0 && date >= rates[0].From && RateOn(date).From < HalfYearOf(date);

    /// <summary>
    /// Half-years from the first configured row up to the one holding <paramref name="until"/> that have no row: the
    /// rate of the half-year before is used for them, marked provisional, and the cycle, <c>status</c> and a task say so.
    /// </summary>
    public IReadOnlyList<DateOnly> MissingHalfYears(DateOnly until)
    {
        var missing = new List<DateOnly>();
        if (rates.Count == 0)
        {
            return missing;
        }

        for (var half = HalfYearOf(rates[0].From); half <= until; half = half.AddMonths(6))
        {
            if (IsProvisional(half))
            {
                missing.Add(half);
            }
        }

        return missing;
    }

    /// <summary>§ 3a standard compensation in force on <paramref name="date"/> (the day the claim fell into default).</summary>
    public decimal CompensationOn(DateOnly date) => RateOn(date).Compensation;

    /// <summary>
    /// Late-payment interest on <paramref name="principal"/> for the days after <paramref name="dueDate"/> up to and
    /// including <paramref name="until"/>, split at every rate change: per period, days × principal × rate / basis,
    /// each period rounded to øre.
    /// </summary>
    public IReadOnlyList<InterestPeriod> Interest(decimal principal, DateOnly dueDate, DateOnly until)
    {
        var periods = new List<InterestPeriod>();
        var start = dueDate.AddDays(1);
        if (principal <= 0m || until < start)
        {
            return periods;
        }

        while (start <= until)
        {
            var rate = RateOn(start);
            var provisional = IsProvisional(start);
            var next = rates.FirstOrDefault(r => r.From > start)?.From;
            var half = HalfYearOf(start).AddMonths(6);
            if (IsProvisional(half) != provisional && (next is null || half < next))
            {
                // Same rate on both sides, but from here the figure is (or stops being) provisional.
                next = half;
            }

            var end = next is { } n && n.AddDays(-1) < until ? n.AddDays(-1) : until;
            var days = end.DayNumber - start.DayNumber + 1;
            var amount = Rounding.ToMinorUnit(principal * rate.Rate / 100m * days / dayBasis);
            periods.Add(new InterestPeriod(start, end, days, rate.Rate, amount, provisional));
            start = end.AddDays(1);
        }

        return periods;
    }

    /// <summary>
    /// Late-payment interest on an invoice whose open amount changed: each amount of <paramref name="history"/> bears
    /// interest from the due date or the day after it was last seen at the previous amount, and
    /// <paramref name="openNow"/> (today's ledger) bears it for the last stretch. A payment is taken as made on the
    /// day after the last day the higher amount was seen, so interest is never charged on money already paid.
    /// </summary>
    public IReadOnlyList<(decimal Principal, InterestPeriod Period)> Interest(IReadOnlyList<BalanceStep> history, decimal openNow, DateOnly dueDate, DateOnly until)
    {
        var result = new List<(decimal, InterestPeriod)>();
        var steps = history.Count == 0 ? [new BalanceStep(DateOnly.MinValue, openNow)] : history;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var principal = last ? openNow : steps[i].Amount;
            var from = steps[i].From > dueDate ? steps[i].From : dueDate;
            var to = last || steps[i + 1].From > until ? until : steps[i + 1].From;
            foreach (var period in Interest(principal, from, to))
            {
                result.Add((principal, period));
            }
        }

        return result;
    }
}
