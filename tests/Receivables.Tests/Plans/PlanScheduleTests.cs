using Receivables.Common;
using Receivables.Plans;
using Shouldly;

namespace Receivables.Tests.Plans;

public sealed class PlanScheduleTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static PlanPolicy Policy(Action<PlanPolicy>? change = null)
    {
        var policy = new PlanPolicy { MinInstallment = 500m, MaxDurationMonths = 12, FirstPaymentDays = 14 };
        change?.Invoke(policy);
        return policy;
    }

    private static PlanInput Claim(decimal principal, decimal fees = 0m, decimal interest = 0m, decimal downPayment = 0m, decimal? proposed = null, PlanFrequency? frequency = null) =>
        new(principal, fees, interest, "NOK", Start, downPayment, proposed, frequency);

    [Fact]
    public void Installments_sum_exactly_to_the_claim_with_the_last_absorbing_the_remainder()
    {
        var plan = PlanSchedule.Build(Claim(10_000.50m, fees: 70m, interest: 29.25m, proposed: 1000m), Policy());

        plan.ScheduledPrincipal.ShouldBe(10_099.75m);
        plan.Installments.Sum(i => i.Principal).ShouldBe(10_099.75m);
        plan.Installments.Count.ShouldBe(11);
        plan.Installments.SkipLast(1).ShouldAllBe(i => i.Principal == 1000m);
        plan.Installments[^1].Principal.ShouldBe(99.75m);
        plan.TotalInterest.ShouldBe(0m);
    }

    [Fact]
    public void First_payment_falls_due_soon_and_later_ones_monthly_on_weekdays()
    {
        var plan = PlanSchedule.Build(Claim(4000m, proposed: 1000m), Policy());

        plan.Installments.Select(i => i.DueDate).ShouldBe(
        [
            new DateOnly(2026, 3, 16),
            new DateOnly(2026, 4, 16),
            new DateOnly(2026, 5, 18), // 16 May 2026 is a Saturday
            new DateOnly(2026, 6, 16),
        ]);
    }

    [Fact]
    public void A_due_date_on_a_public_holiday_moves_to_the_next_business_day()
    {
        var input = new PlanInput(10_000m, 0m, 0m, "NOK", new DateOnly(2026, 12, 4), ProposedInstallment: 2_000m, Frequency: PlanFrequency.Fortnightly);

        var plan = PlanSchedule.Build(input, Policy());

        // 18 Dec, then 1 Jan 2027 (New Year's Day, a Friday) moves to Monday 4 Jan; the rhythm continues from 18 Dec.
        plan.Installments.Select(i => i.DueDate).Take(3).ShouldBe([new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 15)]);
    }

    [Fact]
    public void Weekend_due_dates_stay_when_the_policy_allows_them()
    {
        var plan = PlanSchedule.Build(Claim(4000m, proposed: 1000m), Policy(p => p.DueOnWeekdays = false));

        plan.Installments[2].DueDate.ShouldBe(new DateOnly(2026, 5, 16));
    }

    [Fact]
    public void Weekly_and_fortnightly_plans_step_by_seven_and_fourteen_days()
    {
        // Business-day moves off (day 35 is Easter Monday 2026), so the rhythm itself is visible.
        var weekly = PlanSchedule.Build(Claim(1000m, proposed: 250m, frequency: PlanFrequency.Weekly), Policy(p => { p.MinInstallment = 100m; p.DueOnWeekdays = false; }));
        var fortnightly = PlanSchedule.Build(Claim(1000m, proposed: 250m), Policy(p => { p.MinInstallment = 100m; p.Frequency = PlanFrequency.Fortnightly; p.DueOnWeekdays = false; }));

        weekly.Installments.Select(i => i.DueDate.DayNumber - Start.DayNumber).ShouldBe([14, 21, 28, 35]);
        fortnightly.Installments.Select(i => i.DueDate.DayNumber - Start.DayNumber).ShouldBe([14, 28, 42, 56]);
        fortnightly.Frequency.ShouldBe(PlanFrequency.Fortnightly);
    }

    [Fact]
    public void An_installment_that_would_run_past_the_maximum_duration_is_raised()
    {
        var plan = PlanSchedule.Build(Claim(30_001m, proposed: 1000m), Policy());

        // 12 monthly due dates fit in 12 months from the start; 30 001 / 12 rounds to 2 500, which falls 1 short.
        plan.InstallmentPrincipal.ShouldBe(2501m);
        plan.InstallmentRaisedToFitDuration.ShouldBeTrue();
        plan.Installments.Count.ShouldBe(12);
        plan.Installments[^1].Principal.ShouldBe(30_001m - (11 * 2501m));
        plan.LastDueDate.ShouldBeLessThanOrEqualTo(Start.AddMonths(12));
    }

    [Fact]
    public void A_proposal_that_fits_the_duration_is_kept()
    {
        var plan = PlanSchedule.Build(Claim(6000m, proposed: 1500m), Policy());

        plan.InstallmentPrincipal.ShouldBe(1500m);
        plan.InstallmentRaisedToFitDuration.ShouldBeFalse();
        plan.InstallmentRaisedToMinimum.ShouldBeFalse();
        plan.Installments.Count.ShouldBe(4);
    }

    [Fact]
    public void A_proposal_below_the_minimum_installment_is_raised_to_the_minimum()
    {
        var plan = PlanSchedule.Build(Claim(2000m, proposed: 200m), Policy());

        plan.InstallmentPrincipal.ShouldBe(500m);
        plan.InstallmentRaisedToMinimum.ShouldBeTrue();
        plan.Installments.Select(i => i.Principal).ShouldBe([500m, 500m, 500m, 500m]);
    }

    [Fact]
    public void Without_a_proposal_the_smallest_installment_within_the_duration_is_chosen()
    {
        var plan = PlanSchedule.Build(Claim(12_000m), Policy(p => p.MaxDurationMonths = 6));

        plan.InstallmentPrincipal.ShouldBe(2000m);
        plan.Installments.Count.ShouldBe(6);
    }

    [Fact]
    public void A_claim_smaller_than_the_minimum_installment_is_one_payment()
    {
        var plan = PlanSchedule.Build(Claim(320.40m), Policy());

        plan.Installments.ShouldHaveSingleItem().Principal.ShouldBe(320.40m);
    }

    [Fact]
    public void Interest_is_charged_per_period_on_the_declining_balance()
    {
        var plan = PlanSchedule.Build(Claim(2500m, proposed: 1000m), Policy(p => { p.ChargeInterest = true; p.AnnualInterestRate = 10m; }));

        // By hand: 10 % a year is 1/120 a month; 2 500 -> 20.83, 1 500 -> 12.50, 500 -> 4.17.
        plan.Installments.Select(i => i.Interest).ShouldBe([20.83m, 12.50m, 4.17m]);
        plan.Installments.Select(i => i.Amount).ShouldBe([1020.83m, 1012.50m, 504.17m]);
        plan.TotalInterest.ShouldBe(37.50m);
        plan.TotalToPay.ShouldBe(2537.50m);
    }

    [Fact]
    public void No_interest_is_added_when_the_policy_does_not_charge_it()
    {
        var plan = PlanSchedule.Build(Claim(2500m, proposed: 1000m), Policy(p => p.AnnualInterestRate = 10m));

        plan.TotalInterest.ShouldBe(0m);
        plan.TotalToPay.ShouldBe(2500m);
    }

    [Fact]
    public void The_down_payment_comes_first_and_the_installments_follow_a_period_later()
    {
        var plan = PlanSchedule.Build(Claim(5000m, downPayment: 1000m, proposed: 1000m), Policy(p => { p.ChargeInterest = true; p.AnnualInterestRate = 12m; }));

        var down = plan.Installments[0];
        down.IsDownPayment.ShouldBeTrue();
        down.Amount.ShouldBe(1000m);
        down.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
        plan.Installments[1].DueDate.ShouldBe(new DateOnly(2026, 4, 16));
        plan.Installments.Skip(1).Select(i => i.Principal).ShouldBe([1000m, 1000m, 1000m, 1000m]);
        // Interest runs on the balance after the down payment: 1 % a month on 4 000, 3 000, 2 000, 1 000.
        plan.Installments.Select(i => i.Interest).ShouldBe([0m, 40m, 30m, 20m, 10m]);
        plan.Installments.Sum(i => i.Principal).ShouldBe(5000m);
    }

    [Fact]
    public void A_down_payment_larger_than_the_claim_is_refused_with_a_clear_message()
    {
        var error = Should.Throw<ReceivablesException>(() => PlanSchedule.Build(Claim(800m, downPayment: 900m), Policy()));

        error.Message.ShouldContain("Down payment 900.00 NOK");
    }

    [Fact]
    public void Fees_waived_if_kept_are_left_out_of_the_installments_but_stay_in_the_claim()
    {
        var plan = PlanSchedule.Build(Claim(3000m, fees: 140m, interest: 12.34m, proposed: 1000m), Policy(p => p.WaiveFeesIfKept = true));

        plan.ClaimTotal.ShouldBe(3152.34m);
        plan.FeesWaivedIfKept.ShouldBe(140m);
        plan.Installments.Sum(i => i.Principal).ShouldBe(3012.34m);
    }

    [Fact]
    public void Fees_are_scheduled_when_the_policy_does_not_waive_them()
    {
        var plan = PlanSchedule.Build(Claim(3000m, fees: 140m, proposed: 1000m), Policy());

        plan.FeesWaivedIfKept.ShouldBe(0m);
        plan.Installments.Sum(i => i.Principal).ShouldBe(3140m);
    }

    [Fact]
    public void A_reduced_settlement_is_offered_as_a_percent_of_the_claim_by_a_date()
    {
        var plan = PlanSchedule.Build(Claim(10_000m, fees: 70m, interest: 33.33m), Policy(p => { p.SettlementPercent = 80m; p.SettlementDays = 14; }));

        plan.Settlement.ShouldNotBeNull();
        plan.Settlement.Amount.ShouldBe(8082.66m); // 80 % of 10 103.33 = 8 082.664
        plan.Settlement.PayBy.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void No_settlement_is_offered_unless_the_policy_names_a_percent()
    {
        PlanSchedule.Build(Claim(10_000m), Policy()).Settlement.ShouldBeNull();
    }

    [Fact]
    public void Security_and_a_debt_confirmation_are_asked_for_only_above_the_threshold()
    {
        PlanSchedule.Build(Claim(50_000m), Policy()).RequiresSecurity.ShouldBeFalse();
        PlanSchedule.Build(Claim(49_990m, fees: 10.01m), Policy()).RequiresSecurity.ShouldBeTrue();
    }

    [Theory]
    [InlineData(-1, 0, "cannot be negative")]
    [InlineData(0, 0, "nothing to schedule")]
    [InlineData(100, -5, "cannot be negative")]
    public void Bad_claims_are_refused_with_a_message_saying_why(decimal principal, decimal fees, string expected)
    {
        Should.Throw<ReceivablesException>(() => PlanSchedule.Build(Claim(principal, fees), Policy())).Message.ShouldContain(expected);
    }

    [Fact]
    public void Schedule_lines_for_the_letter_show_each_payment()
    {
        var plan = PlanSchedule.Build(Claim(1500m, downPayment: 500m, proposed: 1000m), Policy());

        plan.ToLines().ShouldBe(["1. 2026-03-16  500.00 NOK (down payment)", "2. 2026-04-16  1000.00 NOK"]);
    }
}
