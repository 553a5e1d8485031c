using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Storage;

namespace Receivables.CreditHold;

/// <summary>
/// Raises a credit hold when a debtor reaches the configured stage or overdue amount, and lifts it when the ledger shows
/// nothing overdue or a plan is in force (<see cref="CreditHoldRule"/>). The stored row decides first (optimistic
/// concurrency); then the signal goes to the <see cref="StorageNames.Queues.CreditHold"/> queue and, when configured,
/// the ERP's webhook. Each signal is delivered once: the row records what was queued and posted, and a later evaluation
/// finishes what a crash or a failed POST left.
/// </summary>
public sealed class CreditHolds(
    ICreditHoldStore store,
    IMessageQueue queue,
    CreditHoldWebhook webhook,
    IPlanFacts plans,
    ICaseActions cases,
    ILedgerReader ledger,
    IEvidenceArchive archive,
    IOptions<CreditHoldOptions> options,
    BusinessClock clock,
    ILogger<CreditHolds> logger) : IDunningStepObserver, IOpenItemsObserver
{
    private const int Attempts = 5;

    public async Task OnStepAsync(DunningStep step, CancellationToken cancellationToken)
    {
        // Most steps cannot raise a hold: skip them without a read. Lifts are the post-run pass's work
        // (OnCreditorRunAsync looks at every held debtor after each run).
        var (overdue, currency) = CreditHoldRule.Overdue(step.Lines, step.Date);
        if (CreditHoldRule.HoldReason(step.Stage, overdue, currency, planInForce: false, options.Value) is null)
        {
            return;
        }

        var planInForce = CreditHoldRule.PlanAllowsDeliveries(step.Pause, await plans.GetAsync(step.CreditorId, step.DebtorId, cancellationToken));
        await EvaluateAsync(step.Lines, step.Stage, step.CaseId, planInForce, step.Date, cancellationToken);
    }

    /// <summary>After each cycle: looks again at every held debtor (a plan may have come into force without a ledger change).</summary>
    public async Task OnCreditorRunAsync(string creditorId, DateOnly date, CancellationToken cancellationToken)
    {
        await foreach (var record in store.ListAsync(creditorId, cancellationToken))
        {
            await ReviewAsync(record, date, cancellationToken);
        }
    }

    /// <summary>
    /// Bank payments applied the same day: each held debtor among <paramref name="debtorIds"/> is looked at again at once
    /// with the lines the ledger reader now shows (payments taken off), by the same rules as after a cycle, so a hold
    /// lifts the moment the money is there rather than at the next cycle.
    /// </summary>
    public async Task OnOpenItemsAdjustedAsync(string creditorId, IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        // One read of the creditor's hold rows (few), not one per paying debtor (a bank file may reach thousands).
        var paying = debtorIds.ToHashSet(StringComparer.Ordinal);
        await foreach (var record in store.ListAsync(creditorId, cancellationToken))
        {
            if (paying.Contains(record.DebtorId))
            {
                await ReviewAsync(record, clock.Today, cancellationToken);
            }
        }
    }

    public async Task<CreditHoldState?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync(creditorId, debtorId, cancellationToken))?.ToState();

    public async IAsyncEnumerable<CreditHoldState> ListAsync(string creditorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in store.ListAsync(creditorId, cancellationToken))
        {
            yield return record.ToState();
        }
    }

    /// <summary>Decides hold or lift for the debtor and delivers any signal not yet delivered. Idempotent.</summary>
    public async Task EvaluateAsync(DebtorLedger lines, string stage, string? caseId, bool planInForce, DateOnly date, CancellationToken cancellationToken)
    {
        var debtor = lines.Debtor;
        var (overdue, currency) = CreditHoldRule.Overdue(lines, date);
        for (var attempt = 1; ; attempt++)
        {
            var record = await store.GetAsync(debtor.CreditorId, debtor.DebtorId, cancellationToken);
            var (decided, signal) = Decide(record, debtor, stage, planInForce, overdue, currency, date);
            if (decided is null)
            {
                // Nothing changes: finish the delivery of the row's current signal, if any.
                if (record is not null)
                {
                    await DeliverAsync(record, record.Held ? CreditHoldSignals.Hold : CreditHoldSignals.Lifted, debtor, stage, caseId, cancellationToken);
                }

                return;
            }

            if (await store.TrySaveAsync(decided, cancellationToken))
            {
                logger.LogInformation(
                    signal == CreditHoldSignals.Hold ? "Credit hold {HoldId} raised for {CreditorId}/{DebtorId}: {Reason}" : "Credit hold {HoldId} lifted for {CreditorId}/{DebtorId}: {Reason}",
                    decided.HoldId, debtor.CreditorId, debtor.DebtorId, signal == CreditHoldSignals.Hold ? decided.Reason : decided.LiftReason);
                var stored = await store.GetAsync(debtor.CreditorId, debtor.DebtorId, cancellationToken) ?? decided;
                await DeliverAsync(stored, signal, debtor, stage, caseId, cancellationToken);
                return;
            }

            if (attempt >= Attempts)
            {
                throw new ReceivablesException($"The credit hold of {debtor.CreditorId}/{debtor.DebtorId} changed {Attempts} times while it was decided; it is decided again at the next evaluation.");
            }

            // Another evaluation changed the row meanwhile: read it again.
        }
    }

    /// <summary>The row to store (a new hold, or a lift of the current one) and its signal; null when nothing changes.</summary>
    private (CreditHoldRecord? Record, string Signal) Decide(CreditHoldRecord? record, Debtor debtor, string stage, bool planInForce, decimal overdue, string currency, DateOnly date)
    {
        if (record is not { Held: true })
        {
            var why = CreditHoldRule.HoldReason(stage, overdue, currency, planInForce, options.Value);
            if (why is null)
            {
                return (null, "");
            }

            var count = (record?.Holds ?? 0) + 1;
            return (new CreditHoldRecord
            {
                CreditorId = debtor.CreditorId,
                DebtorId = debtor.DebtorId,
                HoldId = string.Create(CultureInfo.InvariantCulture, $"{debtor.DebtorId}-{date:yyyyMMdd}-{count}"),
                Held = true,
                Holds = count,
                RaisedOn = date,
                RaisedAt = clock.Now,
                Reason = why,
                OverdueAmount = overdue,
                Currency = currency,
                DebtorName = debtor.Name,
                OrgNumber = debtor.OrgNumber,
                Version = record?.Version,
            }, CreditHoldSignals.Hold);
        }

        var lift = CreditHoldRule.LiftReason(overdue, planInForce);
        return lift is null
            ? (null, "")
            : (record with { Held = false, LiftedOn = date, LiftReason = lift, LiftedAt = clock.Now, OverdueAmount = overdue }, CreditHoldSignals.Lifted);
    }

    /// <summary>A debtor with a hold row: decides again unless it is lifted and its lift delivered.</summary>
    private async Task ReviewAsync(CreditHoldRecord record, DateOnly date, CancellationToken cancellationToken)
    {
        if (!record.Held && record.LiftQueued && (!webhook.Configured || record.LiftPosted))
        {
            return;
        }

        var creditorId = record.CreditorId;
        var found = await cases.GetAsync(creditorId, record.DebtorId, cancellationToken);
        var lines = await ledger.GetDebtorAsync(creditorId, record.DebtorId, cancellationToken)
            ?? new DebtorLedger(new Debtor(creditorId, record.DebtorId, record.DebtorName ?? record.DebtorId, null, CustomerType.Business, record.OrgNumber), []);
        var planInForce = CreditHoldRule.PlanAllowsDeliveries(found?.Pause, await plans.GetAsync(creditorId, record.DebtorId, cancellationToken));
        await EvaluateAsync(lines, found?.Stage ?? CaseStages.Current, found?.CaseId, planInForce, date, cancellationToken);
    }

    private async Task DeliverAsync(CreditHoldRecord record, string signal, Debtor debtor, string stage, string? caseId, CancellationToken cancellationToken)
    {
        var hold = signal == CreditHoldSignals.Hold;
        if (!hold && record.LiftedOn is null)
        {
            return;
        }

        var (queuedFlag, postedFlag) = hold ? (CreditHoldFlag.HoldQueued, CreditHoldFlag.HoldPosted) : (CreditHoldFlag.LiftQueued, CreditHoldFlag.LiftPosted);
        var queued = record.IsDelivered(queuedFlag);
        var posted = record.IsDelivered(postedFlag) || !webhook.Configured;
        if (queued && posted)
        {
            return;
        }

        var message = new CreditHoldMessage(
            CreditHoldSignals.Schema,
            record.HoldId + ":" + signal,
            signal,
            record.HoldId,
            debtor.CreditorId,
            debtor.DebtorId,
            record.DebtorName ?? debtor.Name,
            record.OrgNumber ?? debtor.OrgNumber,
            (hold ? record.Reason : record.LiftReason) ?? "",
            stage,
            record.OverdueAmount,
            record.Currency,
            hold ? record.RaisedOn : record.LiftedOn!.Value,
            (hold ? record.RaisedAt : record.LiftedAt) ?? clock.Now);
        var body = JsonSerializer.SerializeToUtf8Bytes(message);

        if (caseId is not null)
        {
            await archive.AppendAsync(new EvidenceItem(
                debtor.CreditorId, debtor.DebtorId, caseId, EvidenceKinds.Decision, hold ? "Credit hold raised" : "Credit hold lifted", "application/json",
                body, Actors.Rule, "credit-hold:" + message.SignalId, clock.Now,
                new Dictionary<string, string> { [EvidenceMetadata.Summary] = $"Credit hold {signal}: {message.Reason}", ["creditHold"] = signal }), cancellationToken);
        }

        if (!queued)
        {
            await queue.SendAsync(StorageNames.Queues.CreditHold, message, cancellationToken: cancellationToken);
            await store.MarkDeliveredAsync(record.CreditorId, record.DebtorId, queuedFlag, cancellationToken);
        }

        if (!posted)
        {
            try
            {
                await webhook.PostAsync(body, message.SignalId, cancellationToken);
                await store.MarkDeliveredAsync(record.CreditorId, record.DebtorId, postedFlag, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "Credit-hold webhook refused signal {SignalId}; it is posted again at the next evaluation", message.SignalId);
            }
        }
    }
}
