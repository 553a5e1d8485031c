using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;

namespace Receivables.Plans;

/// <summary>
/// Matches every accepted ledger snapshot against the creditor's plans in force. Payments are what the covered
/// invoices' open amounts have fallen by since acceptance; installment k counts as paid when that reaches the sum of
/// installments 1..k (capped at what was open). An installment unpaid after its due date plus the grace days is
/// missed: the first misses up to the tolerance get a friendly notice, the next breaks the plan, which returns the
/// case to the ladder and opens a task. A plan whose covered invoices are paid is completed. Proposals not accepted
/// by their answer date lapse (dunning resumes by itself). Idempotent per plan and step.
/// </summary>
public sealed class PlanMonitor(
    IPlanStore plans,
    ILedgerReader ledger,
    ICaseActions cases,
    ITaskStore tasks,
    IEvidenceArchive archive,
    PlanLetters letters,
    IOptions<PlanPolicy> policy,
    BusinessClock clock,
    ILogger<PlanMonitor> logger) : ILedgerObserver, IOpenItemsObserver
{
    public Task OnSnapshotConfirmedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) => OnSnapshotAcceptedAsync(snapshot, cancellationToken);

    /// <summary>
    /// Bank payments applied the same day count toward installments at once: the plans of <paramref name="debtorIds"/>
    /// are checked by the same rules as at a snapshot, against the latest snapshot's lines as the ledger reader shows them
    /// (the payments taken off), with that snapshot's date for misses.
    /// </summary>
    public async Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        if (await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken) is { } snapshot)
        {
            var debtors = debtorIds.ToHashSet(StringComparer.Ordinal);
            await CheckPlansAsync(snapshot, plan => debtors.Contains(plan.DebtorId), string.Create(CultureInfo.InvariantCulture, $"bank payments applied {clock.Today:yyyy-MM-dd} on {snapshot.SourceFile}"), cancellationToken);
        }
    }

    public Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) =>
        CheckPlansAsync(snapshot, _ => true, snapshot.SourceFile, cancellationToken);

    private async Task CheckPlansAsync(SnapshotInfo snapshot, Func<RepaymentPlan, bool> include, string source, CancellationToken cancellationToken)
    {
        var asOf = clock.ToLocalDate(snapshot.TakenAt);
        var active = new List<RepaymentPlan>();
        await foreach (var plan in plans.ListAsync(snapshot.CreditorId, null, cancellationToken))
        {
            if ((plan.Status is PlanStatus.InForce or PlanStatus.Proposed) && include(plan))
            {
                active.Add(plan);
            }
        }

        foreach (var plan in active)
        {
            try
            {
                if (plan.Status == PlanStatus.Proposed)
                {
                    if (plan.AnswerBy is { } answerBy && answerBy < asOf)
                    {
                        await EndAsync(plan, PlanStatus.Lapsed, $"not accepted by {answerBy:yyyy-MM-dd}", cancellationToken);
                    }

                    continue;
                }

                var lines = await ledger.GetDebtorAsync(snapshot, plan.DebtorId, cancellationToken);
                await CheckAsync(plan, OpenCovered(plan, lines), asOf, source, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The snapshot is already accepted; one plan's failure must not fail it or the other plans. Payments
                // are cumulative, so the next snapshot checks this plan again from scratch.
                logger.LogError(e, "Plan {PlanId} of {CreditorId}/{DebtorId} could not be checked against snapshot {SnapshotId}", plan.PlanId, plan.CreditorId, plan.DebtorId, snapshot.SnapshotId);
            }
        }
    }

    /// <summary>What the covered invoices have open in <paramref name="lines"/>: payments are measured against it.</summary>
    internal static decimal OpenCovered(RepaymentPlan plan, DebtorLedger? lines) =>
        lines?.Invoices.Where(i => i.OpenAmount > 0m && plan.CoveredInvoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).Sum(i => i.OpenAmount) ?? 0m;

    private async Task CheckAsync(RepaymentPlan plan, decimal open, DateOnly asOf, string source, CancellationToken cancellationToken)
    {
        var settings = policy.Value;
        plan.Paid = Math.Max(0m, plan.OpenAtAcceptance - open);
        plan.LastChecked = asOf;
        if (open <= 0m)
        {
            plan.PaidInstallments = [.. plan.Installments.Select(i => i.Number)];
            await EndAsync(plan, PlanStatus.Completed, "the covered invoices are paid (" + source + ")", cancellationToken);
            return;
        }

        var newlyPaid = new List<AgreedInstallment>();
        var newlyMissed = new List<AgreedInstallment>();
        var cumulative = 0m;
        foreach (var installment in plan.Installments)
        {
            cumulative += installment.Amount;
            var required = Math.Min(cumulative, plan.OpenAtAcceptance);
            if (plan.Paid >= required)
            {
                if (!plan.PaidInstallments.Contains(installment.Number))
                {
                    plan.PaidInstallments.Add(installment.Number);
                    newlyPaid.Add(installment);
                }
            }
            else if (installment.DueDate.AddDays(settings.GraceDays) < asOf && !plan.Missed.Contains(installment.Number))
            {
                plan.Missed.Add(installment.Number);
                newlyMissed.Add(installment);
            }
        }

        await plans.SaveAsync(plan, cancellationToken);
        foreach (var paid in newlyPaid)
        {
            await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, $"Installment {paid.Number} of plan {plan.PlanId} paid", Actors.Rule, "paid:" + paid.Number,
                new { paid.Number, paid.DueDate, paid.Amount, paidSoFar = plan.Paid, ledger = source }, cancellationToken);
        }

        if (newlyMissed.Count == 0)
        {
            return;
        }

        if (plan.Missed.Count > settings.MissTolerance)
        {
            await EndAsync(plan, PlanStatus.Broken, string.Create(CultureInfo.InvariantCulture, $"installment(s) {string.Join(", ", plan.Missed)} missed, more than the {settings.MissTolerance} tolerated ({source})"), cancellationToken);
            return;
        }

        foreach (var missed in newlyMissed)
        {
            await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, $"Installment {missed.Number} of plan {plan.PlanId} missed", Actors.Rule, "missed:" + missed.Number,
                new { missed.Number, missed.DueDate, missed.Amount, paidSoFar = plan.Paid, ledger = source, settings.GraceDays }, cancellationToken);
            await SendMissedNoticeAsync(plan, missed, asOf, cancellationToken);
        }
    }

    private async Task SendMissedNoticeAsync(RepaymentPlan plan, AgreedInstallment missed, DateOnly asOf, CancellationToken cancellationToken)
    {
        var sent = await letters.SendMissedAsync(plan, missed, asOf, cancellationToken);
        logger.LogInformation("Plan {PlanId}: installment {Number} missed; notice {Sent}", plan.PlanId, missed.Number, sent is null ? "not sent (no address)" : "sent");
    }

    private async Task EndAsync(RepaymentPlan plan, PlanStatus status, string reason, CancellationToken cancellationToken)
    {
        plan.Status = status;
        plan.EndedAt = clock.Now;
        plan.EndReason = reason;
        await plans.SaveAsync(plan, cancellationToken);
        var step = status.ToString().ToLowerInvariant();
        await PlanEvidence.AppendAsync(archive, clock, plan, status == PlanStatus.Completed ? EvidenceKinds.Agreement : EvidenceKinds.Decision, $"Repayment plan {plan.PlanId} {step}: {reason}", Actors.Rule, step,
            new { reason, paid = plan.Paid, missed = plan.Missed, paidInstallments = plan.PaidInstallments }, cancellationToken);
        switch (status)
        {
            case PlanStatus.Broken:
                await cases.ResumeAsync(plan.CreditorId, plan.DebtorId, PauseReason.PlanInForce, Actors.Rule, $"Repayment plan {plan.PlanId} broken: {reason}", $"plan:{plan.PlanId}:broken", cancellationToken);
                await tasks.OpenAsync(
                    plan.CreditorId,
                    TaskKinds.DecideEscalation,
                    plan.DebtorId,
                    plan.CaseId,
                    $"Repayment plan {plan.PlanId} broken for {plan.DebtorName}",
                    string.Create(CultureInfo.InvariantCulture, $"{reason}. Paid {plan.Paid:0.00} of {plan.OpenAtAcceptance:0.00} {plan.Currency} since acceptance. The case is back on the ladder; decide whether to call, agree a new plan or hand over. The evidence bundle holds the whole agreement (evidence export)."),
                    $"plan:{plan.PlanId}:broken",
                    cancellationToken,
                    new TaskFacts
                    {
                        Reason = TaskReasons.PlanBroken,
                        Reference = plan.PlanId,
                        Grounds =
                        [
                            string.Create(CultureInfo.InvariantCulture, $"paid:{plan.Paid:0.00}|{plan.OpenAtAcceptance:0.00}|{plan.Currency}"),
                            "missed:" + string.Join(",", plan.Missed),
                        ],
                    });
                break;
            case PlanStatus.Completed:
                await cases.ResumeAsync(plan.CreditorId, plan.DebtorId, PauseReason.PlanInForce, Actors.Rule, $"Repayment plan {plan.PlanId} completed", $"plan:{plan.PlanId}:completed", cancellationToken);
                break;
        }

        logger.LogInformation("Plan {PlanId} for {CreditorId}/{DebtorId} {Status}: {Reason}", plan.PlanId, plan.CreditorId, plan.DebtorId, status, reason);
    }
}
