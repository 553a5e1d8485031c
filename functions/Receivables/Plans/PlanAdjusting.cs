using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;

namespace Receivables.Plans;

/// <summary>
/// A person adjusts a draft before approving it — installment amount or number of installments, frequency, first due
/// date — within the plan policy (<see cref="PlanPolicy"/>); a term outside it is refused with the rule it breaks and
/// nothing changes. The schedule is recomputed by the same rules as drafting, so the preview (letter and agreement)
/// shows the adjusted plan; the adjustment is archived with the person and the terms before and after. Idempotent on
/// the key.
/// </summary>
public sealed class PlanAdjusting(
    IPlanStore plans,
    IClaimStatements claims,
    IEvidenceArchive archive,
    IOptions<PlanPolicy> policy,
    BusinessClock clock,
    ILogger<PlanAdjusting> logger)
{
    private const int KeptKeys = 20;

    public async Task<RepaymentPlan> AdjustAsync(string creditorId, string planId, PlanAdjustment adjustment, string actor, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (adjustment.IsEmpty)
        {
            throw new ReceivablesException("Nothing to adjust: give an installment amount, a number of installments, a frequency or a first due date.");
        }

        if (adjustment.Installment is not null && adjustment.Count is not null)
        {
            throw new ReceivablesException("Give the installment amount or the number of installments, not both: the one follows from the other.");
        }

        var plan = await plans.RequireAsync(creditorId, planId, cancellationToken);
        if (plan.AdjustmentKeys.Contains(idempotencyKey, StringComparer.Ordinal))
        {
            return plan;
        }

        if (plan.Status != PlanStatus.Draft)
        {
            throw new ReceivablesException($"Plan {planId} is {plan.Status}; only a draft can be adjusted (before it is approved).");
        }

        var today = clock.Today;
        var settings = policy.Value;
        var statement = await claims.GetAsync(creditorId, plan.DebtorId, today, cancellationToken);
        if (statement is null || statement.Principal <= 0m)
        {
            throw new ReceivablesException($"Debtor '{plan.DebtorId}' has nothing open in the latest ledger: there is nothing to plan.");
        }

        var before = Terms.Of(plan);
        var currency = statement.Currency;
        CheckFirstDueDate(adjustment.FirstDueDate, today, settings);
        plan.ProposedFrequency = adjustment.Frequency ?? plan.ProposedFrequency ?? plan.Frequency;
        plan.ProposedFirstDueDate = adjustment.FirstDueDate ?? plan.ProposedFirstDueDate;
        if (adjustment.Installment is { } amount)
        {
            if (Rounding.ToWholeUnit(amount) < settings.MinInstallment)
            {
                throw new ReceivablesException(Invariant($"An installment of {amount:0.00} {currency} is below the plan policy's minimum of {settings.MinInstallment:0.00} {currency} (Receivables:Plans:MinInstallment)."));
            }

            plan.ProposedInstallment = amount;
        }

        if (adjustment.Count is { } count)
        {
            if (count < 1)
            {
                throw new ReceivablesException("The number of installments must be at least 1.");
            }

            var scheduled = PlanFigures.ScheduledAmount(PlanFigures.InputOf(plan, statement, today, settings), settings);
            var each = Math.Ceiling(scheduled / count);
            if (each < settings.MinInstallment && count > 1)
            {
                var most = Math.Max(1, (int)Math.Floor(scheduled / Math.Max(settings.MinInstallment, 1m)));
                throw new ReceivablesException(Invariant($"{count} installments would be {each:0.00} {currency} each, below the plan policy's minimum of {settings.MinInstallment:0.00} {currency} (Receivables:Plans:MinInstallment): at most {most} installments."));
            }

            plan.ProposedInstallment = each;
        }

        var schedule = PlanSchedule.Build(PlanFigures.InputOf(plan, statement, today, settings), settings);
        if (schedule.InstallmentRaisedToFitDuration)
        {
            var frequency = schedule.Frequency.ToString().ToLowerInvariant();
            throw new ReceivablesException(Invariant(
                $"{(adjustment.Count is { } c ? $"{c} {frequency} installments" : $"{frequency} installments of {plan.ProposedInstallment:0.00} {currency}")} run past the plan policy's longest plan of {settings.MaxDurationMonths} months (last due date at most {today.AddMonths(settings.MaxDurationMonths):yyyy-MM-dd}, Receivables:Plans:MaxDurationMonths): the smallest installment that fits is {schedule.InstallmentPrincipal:0.00} {currency}."));
        }

        PlanFigures.Compute(plan, statement, today, settings);
        plan.AdjustmentKeys.Add(idempotencyKey);
        if (plan.AdjustmentKeys.Count > KeptKeys)
        {
            plan.AdjustmentKeys.RemoveRange(0, plan.AdjustmentKeys.Count - KeptKeys);
        }

        var after = Terms.Of(plan);
        await PlanEvidence.AppendAsync(
            archive, clock, plan, EvidenceKinds.Decision,
            Invariant($"Repayment plan adjusted by {actor}: {before.Count} × {before.Installment:0.00} {before.Frequency} from {before.FirstDue:yyyy-MM-dd} → {after.Count} × {after.Installment:0.00} {after.Frequency} from {after.FirstDue:yyyy-MM-dd}"),
            actor, "adjusted:" + idempotencyKey, new { adjustment, before, after, schedule = plan.Installments, costs = PlanCosts.Of(plan) }, cancellationToken);
        await plans.SaveAsync(plan, cancellationToken);
        logger.LogInformation("Plan {PlanId} adjusted by {Actor}: {Count} installments of {Installment}", plan.PlanId, actor, after.Count, after.Installment);
        return plan;
    }

    private static void CheckFirstDueDate(DateOnly? first, DateOnly today, PlanPolicy settings)
    {
        if (first is not { } date)
        {
            return;
        }

        if (date < today)
        {
            throw new ReceivablesException(Invariant($"The first due date {date:yyyy-MM-dd} is in the past."));
        }

        var latest = settings.DueOnWeekdays ? NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(settings.FirstPaymentDays)) : today.AddDays(settings.FirstPaymentDays);
        if (date > latest)
        {
            throw new ReceivablesException(Invariant($"The first due date {date:yyyy-MM-dd} is later than the plan policy allows: at most {settings.FirstPaymentDays} days from today, by {latest:yyyy-MM-dd} (Receivables:Plans:FirstPaymentDays)."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plan's terms as a person compares them: installments, amount, frequency, first and last due date, total.</summary>
    private sealed record Terms(int Count, decimal Installment, string Frequency, DateOnly? FirstDue, DateOnly? LastDue, decimal Total)
    {
        public static Terms Of(RepaymentPlan plan) => new(
            plan.Installments.Count,
            plan.Installments.FirstOrDefault(i => !i.IsDownPayment)?.Amount ?? 0m,
            plan.Frequency.ToString().ToLowerInvariant(),
            plan.Installments.FirstOrDefault()?.DueDate,
            plan.Installments.LastOrDefault()?.DueDate,
            plan.TotalToPay);
    }
}
