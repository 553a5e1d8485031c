using Receivables.Common;

namespace Receivables.Plans;

/// <summary>A repayment plan's figures: what is owed, what is paid when, and what else is offered.</summary>
public sealed record PlanSchedule(
    string Currency,
    PlanFrequency Frequency,
    decimal ClaimTotal,
    decimal ScheduledPrincipal,
    decimal FeesWaivedIfKept,
    decimal InstallmentPrincipal,
    IReadOnlyList<PlanInstallment> Installments,
    SettlementOffer? Settlement,
    bool RequiresSecurity,
    bool InstallmentRaisedToFitDuration,
    bool InstallmentRaisedToMinimum)
{
    public decimal TotalInterest => Installments.Sum(i => i.Interest);

    public decimal TotalToPay => Installments.Sum(i => i.Amount);

    public DateOnly LastDueDate => Installments[^1].DueDate;

    /// <summary>The schedule as plain lines for a letter (ReminderDocument.Extra).</summary>
    public IReadOnlyList<string> ToLines() =>
        [.. Installments.Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{i.Number}. {i.DueDate:yyyy-MM-dd}  {i.Amount:0.00} {Currency}{(i.IsDownPayment ? " (down payment)" : i.Interest > 0 ? $" (incl. interest {i.Interest:0.00})" : "")}"))];

    /// <summary>
    /// Draws up a plan. The scheduled amount is principal + interest accrued + fees (fees are left out when the policy
    /// waives them if the plan is kept). A down payment comes first; installments are whole currency units, the last
    /// absorbs the remainder so the principal parts sum exactly to the scheduled amount. An installment that would run
    /// past the maximum duration is raised; one below the minimum is raised to the minimum. When interest is charged,
    /// each installment carries the interest of one period on the balance outstanding before it.
    /// </summary>
    public static PlanSchedule Build(PlanInput input, PlanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        Validate(input);

        var frequency = input.Frequency ?? policy.Frequency;
        var feesInPlan = policy.WaiveFeesIfKept ? 0m : input.Fees;
        var claimTotal = input.Principal + input.Fees + input.Interest;
        var scheduled = input.Principal + input.Interest + feesInPlan;
        if (input.DownPayment > scheduled)
        {
            throw new ReceivablesException(
                $"Down payment {input.DownPayment:0.00} {input.Currency} is more than the amount to schedule ({scheduled:0.00} {input.Currency}).");
        }

        var firstDue = input.FirstDueDate is { } chosen && chosen >= input.StartDate ? chosen : input.StartDate.AddDays(policy.FirstPaymentDays);
        var latestDue = input.StartDate.AddMonths(policy.MaxDurationMonths);
        var downPayment = input.DownPayment;
        var installments = new List<PlanInstallment>();
        var periodIndex = 0;
        if (downPayment > 0m)
        {
            installments.Add(new PlanInstallment(1, DueDate(firstDue, frequency, 0, policy), downPayment, 0m, IsDownPayment: true));
            periodIndex = 1;
        }

        var balance = scheduled - downPayment;
        var raisedToFit = false;
        var raisedToMinimum = false;
        var installment = 0m;
        if (balance > 0m)
        {
            var maxPeriods = PeriodsWithin(firstDue, latestDue, frequency, periodIndex);
            var proposed = input.ProposedInstallment is { } p ? Rounding.ToWholeUnit(p) : (decimal?)null;
            var floor = Math.Max(proposed ?? 0m, policy.MinInstallment);
            installment = Math.Max(floor, SmallestWholeInstallment(balance, maxPeriods));
            raisedToMinimum = proposed < policy.MinInstallment;
            raisedToFit = proposed is not null && installment > floor;
            installment = Math.Min(installment, Math.Ceiling(balance));
            var periodRate = policy.ChargeInterest ? PeriodRate(policy.AnnualInterestRate, frequency) : 0m;
            var remaining = balance;
            while (remaining > 0m)
            {
                var principalPart = remaining <= installment ? remaining : installment;
                var interest = Rounding.ToMinorUnit(remaining * periodRate);
                installments.Add(new PlanInstallment(
                    installments.Count + 1, DueDate(firstDue, frequency, periodIndex, policy), principalPart, interest, IsDownPayment: false));
                remaining -= principalPart;
                periodIndex++;
            }
        }

        var settlement = policy.SettlementPercent > 0m && policy.SettlementPercent < 100m
            ? new SettlementOffer(
                Rounding.ToMinorUnit(claimTotal * policy.SettlementPercent / 100m),
                WeekdayOrNext(input.StartDate.AddDays(policy.SettlementDays), policy),
                policy.SettlementPercent)
            : null;

        return new PlanSchedule(
            input.Currency,
            frequency,
            claimTotal,
            scheduled,
            input.Fees - feesInPlan,
            installment,
            installments,
            settlement,
            claimTotal > policy.SecurityThreshold,
            raisedToFit,
            raisedToMinimum);
    }

    private static void Validate(PlanInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Currency))
        {
            throw new ReceivablesException("A plan needs the claim's currency (e.g. NOK).");
        }

        if (input.Principal < 0m || input.Fees < 0m || input.Interest < 0m || input.DownPayment < 0m)
        {
            throw new ReceivablesException("Principal, fees, interest and down payment of a plan cannot be negative.");
        }

        if (input.Principal + input.Fees + input.Interest <= 0m)
        {
            throw new ReceivablesException("There is nothing to schedule: the claim is zero.");
        }

        if (input.ProposedInstallment is <= 0m)
        {
            throw new ReceivablesException("A proposed installment must be more than zero.");
        }
    }

    /// <summary>The smallest whole-unit installment that repays the balance within the number of periods.</summary>
    private static decimal SmallestWholeInstallment(decimal balance, int periods)
    {
        var candidate = Rounding.ToWholeUnit(balance / periods);
        while (candidate * periods < balance)
        {
            candidate += 1m;
        }

        return candidate;
    }

    /// <summary>How many installment periods (from period index <paramref name="fromIndex"/>) fall on or before the latest date.</summary>
    private static int PeriodsWithin(DateOnly firstDue, DateOnly latestDue, PlanFrequency frequency, int fromIndex)
    {
        var count = 0;
        while (RawDueDate(firstDue, frequency, fromIndex + count) <= latestDue)
        {
            count++;
        }

        return Math.Max(count, 1);
    }

    private static decimal PeriodRate(decimal annualPercent, PlanFrequency frequency) => frequency switch
    {
        PlanFrequency.Monthly => annualPercent / 100m / 12m,
        PlanFrequency.Fortnightly => annualPercent / 100m * 14m / 365m,
        _ => annualPercent / 100m * 7m / 365m,
    };

    private static DateOnly DueDate(DateOnly firstDue, PlanFrequency frequency, int index, PlanPolicy policy) =>
        WeekdayOrNext(RawDueDate(firstDue, frequency, index), policy);

    private static DateOnly RawDueDate(DateOnly firstDue, PlanFrequency frequency, int index) => frequency switch
    {
        PlanFrequency.Monthly => firstDue.AddMonths(index),
        PlanFrequency.Fortnightly => firstDue.AddDays(14 * index),
        _ => firstDue.AddDays(7 * index),
    };

    /// <summary>With DueOnWeekdays, a due date on a weekend or a Norwegian public holiday moves to the next business day.</summary>
    private static DateOnly WeekdayOrNext(DateOnly date, PlanPolicy policy) =>
        policy.DueOnWeekdays ? Dunning.NorwegianCalendar.OnOrNextBusinessDay(date) : date;
}
