using System.Globalization;
using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>
/// The reminder ladder's rules, pure: given the case, the debtor's ledger lines, the policy and a date, decide the next
/// step and update the case. Deterministic for the same inputs; no storage, no clock.
/// </summary>
public static class Ladder
{
    /// <summary>The cycle's idempotency key: one message per (creditor, debtor, level, cycle date).</summary>
    public static string MessageKey(string creditorId, string debtorId, int level, DateOnly cycleDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{creditorId}|{debtorId}|L{level}|{cycleDate:yyyy-MM-dd}");

    /// <summary>
    /// The ladder's decision for one debtor on <paramref name="asOf"/>, in named steps: resume a pause that ran out,
    /// close a case with nothing owed, choose the invoices whose next step is due, charge what each step allows, and
    /// compose the one message to the debtor. Updates <paramref name="state"/> in place.
    /// </summary>
    public static LadderDecision Evaluate(DunningCase state, DebtorLedger ledger, PolicyOptions? policy, DateOnly asOf, RateTables rates, CollectionNoticeMode noticeMode)
    {
        var settled = Refresh(state, ledger, state.LastEvaluated ?? asOf);
        state.LastEvaluated = asOf;
        var released = false;
        if (state.AwaitedCredit is { } awaited && CreditShown(awaited, ledger))
        {
            // The credit note a person promised the debtor is booked: what is left follows the ladder again.
            state.HeldInvoices.RemoveAll(awaited.Invoices.Contains);
            state.AwaitedCredit = null;
            released = true;
        }

        var promisedUntil = state.Pause == PauseReason.PromiseToPay ? state.PausedUntil : null;
        var decision = Decide(state, ledger, policy, asOf, rates, noticeMode);
        return decision with
        {
            Settled = settled,
            CreditReleased = released,
            PromiseRanOut = promisedUntil is not null && state.Pause is null ? promisedUntil : null,
        };
    }

    private static LadderDecision Decide(DunningCase state, DebtorLedger ledger, PolicyOptions? policy, DateOnly asOf, RateTables rates, CollectionNoticeMode noticeMode)
    {
        if (state.Pause == PauseReason.SendFailed && ledger.Invoices.Where(i => i.OpenAmount != 0m).Sum(i => i.OpenAmount) <= 0m)
        {
            // Paid while a failed reminder held the case: nothing is left to send, so the hold ends and the case closes.
            state.Pause = null;
        }

        if (Resume(state, ledger, policy, asOf) is { } stillPaused)
        {
            return stillPaused;
        }

        var open = ledger.Invoices.Where(i => i.OpenAmount != 0m).ToList();
        if (Close(state, open) is { } closed)
        {
            return closed;
        }

        if (policy is null)
        {
            state.Stage = CaseStages.Manual;
            state.NextAction = null;
            return new LadderDecision(null, [], "debtor is set to never-automatic: a person follows it up");
        }

        var (candidates, overdue, due, notYet) = ChooseDueInvoices(state, open, policy, asOf);
        if (notYet is not null)
        {
            state.NextAction = NextAction(state, candidates, policy);
            return new LadderDecision(null, [], notYet);
        }

        var (sendable, handedOver) = HandOverOrSend(due, policy, asOf, noticeMode);
        PendingMessage? message = null;
        if (sendable.Count > 0)
        {
            var top = RideAlong(state, sendable, overdue, due, policy, asOf);
            var deadline = NorwegianCalendar.OnOrNextBusinessDay(asOf.AddDays(policy.Levels[top].DeadlineDays));
            var before = sendable.Select(s => StepBefore.Of(s.Invoice.InvoiceNumber, s.Progress)).ToList();
            Charge(state, sendable, policy, rates, asOf, deadline);
            message = ComposeMessage(state, policy, top, overdue, asOf, deadline, before);
        }

        state.Stage = StageOf(state, policy);
        state.NextAction = NextAction(state, candidates, policy);
        var reason = message is not null
            ? $"level {message.Level} ({message.Template}) for {sendable.Count} invoice(s)"
            : $"handed over to a person: {string.Join(", ", handedOver)}";
        return new LadderDecision(message, handedOver, reason);
    }

    /// <summary>
    /// Step 1, resume: a pause whose date has passed ends and the ladder re-anchors from today; a pause still running
    /// decides the day (null: go on).
    /// </summary>
    private static LadderDecision? Resume(DunningCase state, DebtorLedger ledger, PolicyOptions? policy, DateOnly asOf)
    {
        if (state.Pause is null)
        {
            return null;
        }

        if (state.PausedUntil is not { } until || until >= asOf)
        {
            state.NextAction = state.PausedUntil?.AddDays(1);
            return new LadderDecision(null, [], "paused (" + state.Pause + ")");
        }

        // Resumes by rule: the promise date, plan or hold has run out. The ladder re-anchors from today.
        state.Pause = null;
        state.PausedUntil = null;
        foreach (var progress in state.Invoices.Values.Where(p => p.Level > 0))
        {
            progress.AnchoredOn = asOf;
        }

        // At the manual stage there is no automatic step left: the case goes back to a person (a new
        // decide-escalation task with a fresh recommendation) instead of waiting silently.
        var waiting = policy is null ? [] : ledger.Invoices
            .Where(i => i.OpenAmount > 0m && state.Invoices.TryGetValue(i.InvoiceNumber, out var p) && p.Level > policy.Levels.Count)
            .Select(i => i.InvoiceNumber)
            .ToList();
        if (state.Stage == CaseStages.Manual && waiting.Count > 0)
        {
            state.NextAction = null;
            return new LadderDecision(null, waiting, "the pause ran out at the manual stage: a person decides again");
        }

        return null;
    }

    /// <summary>Step 2, close: nothing owed once credits are counted closes the case (null: a debt is open).</summary>
    private static LadderDecision? Close(DunningCase state, List<OpenInvoice> open)
    {
        if (open.Sum(i => i.OpenAmount) <= 0m)
        {
            state.Stage = CaseStages.Closed;
            state.NextAction = null;
            state.Invoices.Clear();
            return new LadderDecision(null, [], open.Count > 0 ? "credit notes or unapplied payments cover the debt" : "nothing open") { Closed = true };
        }

        if (state.Stage == CaseStages.Closed)
        {
            state.Stage = CaseStages.Current;
        }

        return null;
    }

    /// <summary>
    /// Step 3, choose: the invoices not held, those overdue past the grace days, and those whose next step is due today;
    /// or why no step is due (net of credits nothing or less than the minimum is overdue, or no step has come).
    /// </summary>
    private static (List<OpenInvoice> Candidates, List<OpenInvoice> Overdue, List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> Due, string? NotYet) ChooseDueInvoices(
        DunningCase state, List<OpenInvoice> open, PolicyOptions policy, DateOnly asOf)
    {
        var credits = open.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount);
        var candidates = open
            .Where(i => i.OpenAmount > 0m && !state.HeldInvoices.Contains(i.InvoiceNumber, StringComparer.Ordinal))
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .ToList();
        var overdue = candidates.Where(i => i.DueDate.AddDays(policy.GraceDays) < asOf).ToList();
        var netOverdue = overdue.Sum(i => i.OpenAmount) + credits;

        var due = new List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)>();
        foreach (var invoice in overdue)
        {
            var progress = ProgressOf(state, invoice.InvoiceNumber);
            TrackBalance(progress, invoice.OpenAmount, asOf);
            if (progress.OpenAtLastMessage is { } before && invoice.OpenAmount < before && (progress.AnchoredOn is null || progress.AnchoredOn < progress.LastSent))
            {
                // A partial payment since the last message: the ladder re-anchors on what is still unpaid.
                progress.AnchoredOn = asOf;
                progress.OpenAtLastMessage = invoice.OpenAmount;
            }

            // A level counts once its message is sent: an invoice whose message is still on its way takes no next step.
            var unconfirmed = state.Pending.Any(p => p.InvoiceNumbers.Contains(invoice.InvoiceNumber, StringComparer.Ordinal));
            if (!unconfirmed && progress.Level < policy.Levels.Count && EarliestNext(invoice, progress, policy) <= asOf)
            {
                due.Add((invoice, progress, progress.Level));
            }
        }

        var notYet = netOverdue <= 0m ? "nothing overdue after credits"
            : netOverdue < policy.MinimumAmount ? "overdue amount below the policy minimum"
            : due.Count == 0 ? "no step due"
            : null;
        return (candidates, overdue, due, notYet);
    }

    /// <summary>
    /// Step 4a: a due step without a template (or an inkassovarsel when the creditor hands those over) goes to a person;
    /// the rest is sent.
    /// </summary>
    private static (List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> Sendable, List<string> HandedOver) HandOverOrSend(
        List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> due, PolicyOptions policy, DateOnly asOf, CollectionNoticeMode noticeMode)
    {
        var handedOver = new List<string>();
        var sendable = new List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)>();
        foreach (var item in due)
        {
            var level = policy.Levels[item.Level];
            if (level.Template is null || (level.Stage == CaseStages.CollectionNotice && noticeMode == CollectionNoticeMode.HandOver))
            {
                item.Progress.Level = policy.Levels.Count + 1;
                item.Progress.LastSent = asOf;
                handedOver.Add(item.Invoice.InvoiceNumber);
            }
            else
            {
                sendable.Add(item);
            }
        }

        return (sendable, handedOver);
    }

    /// <summary>
    /// Step 4b: one message per debtor. The other overdue invoices ride along and move one step too (never past this
    /// message's level), so the debtor does not get a second message tomorrow. Returns the message's level index.
    /// </summary>
    private static int RideAlong(
        DunningCase state,
        List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> sendable,
        List<OpenInvoice> overdue,
        List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> due,
        PolicyOptions policy,
        DateOnly asOf)
    {
        var top = sendable.Max(s => s.Level);
        foreach (var invoice in overdue.Where(i => due.All(d => d.Invoice.InvoiceNumber != i.InvoiceNumber)))
        {
            var progress = ProgressOf(state, invoice.InvoiceNumber);
            TrackBalance(progress, invoice.OpenAmount, asOf);
            if (progress.Level <= top && progress.Level < policy.Levels.Count && policy.Levels[progress.Level].Template is not null)
            {
                sendable.Add((invoice, progress, progress.Level));
            }
        }

        return top;
    }

    /// <summary>Step 5, charge: per invoice the fee its step allows, the business compensation once, and the step moves on.</summary>
    private static void Charge(DunningCase state, List<(OpenInvoice Invoice, InvoiceProgress Progress, int Level)> sendable, PolicyOptions policy, RateTables rates, DateOnly asOf, DateOnly deadline)
    {
        foreach (var (invoice, progress, levelIndex) in sendable)
        {
            var level = policy.Levels[levelIndex];
            if (FeeAllowed(level.Fee, invoice, progress, asOf, deadline))
            {
                var amount = level.Fee == FeeKind.PaymentDemand ? rates.PaymentDemandFeeOn(asOf) : rates.ReminderFeeOn(asOf);
                progress.Fees.Add(new ChargedFee(level.Fee, amount, asOf, levelIndex + 1, deadline));
            }

            if (level.Compensation && state.IsBusiness && progress.CompensationClaimed is null)
            {
                // Forsinkelsesrenteloven § 3a: the rate in force when the claim fell into default.
                progress.CompensationClaimed = rates.CompensationOn(invoice.DueDate.AddDays(1));
            }

            progress.Level = levelIndex + 1;
            progress.LastSent = asOf;
            progress.Deadline = deadline;
            progress.OpenAtLastMessage = invoice.OpenAmount;
        }
    }

    /// <summary>Step 6, compose: the pending message of the day, keyed once per (creditor, debtor, level, date).</summary>
    private static PendingMessage ComposeMessage(DunningCase state, PolicyOptions policy, int top, List<OpenInvoice> overdue, DateOnly asOf, DateOnly deadline, List<StepBefore> before)
    {
        var key = MessageKey(state.CreditorId, state.DebtorId, top + 1, asOf);
        var message = new PendingMessage(key, top + 1, policy.Levels[top].Template!, asOf, deadline, [.. overdue.Select(i => i.InvoiceNumber)]) { Before = before };
        if (!state.Pending.Any(p => p.Key == key))
        {
            state.Pending.Add(message);
        }

        return message;
    }

    /// <summary>The earliest date the invoice's next level may happen, rolled to a business day.</summary>
    public static DateOnly EarliestNext(OpenInvoice invoice, InvoiceProgress progress, PolicyOptions policy)
    {
        var level = policy.Levels[progress.Level];
        var earliest = invoice.DueDate.AddDays(policy.GraceDays + 1);
        if (level.DaysAfterDue is { } afterDue)
        {
            earliest = Max(earliest, invoice.DueDate.AddDays(afterDue));
        }

        if (progress.LastSent is { } sent)
        {
            earliest = Max(earliest, sent.AddDays(level.DaysAfterPrevious ?? 1));
        }

        if (progress.Deadline is { } deadline)
        {
            // Never before the deadline the previous message gave has been missed.
            earliest = Max(earliest, deadline.AddDays(1));
        }

        if (progress.AnchoredOn is { } anchor)
        {
            earliest = Max(earliest, anchor.AddDays(level.DaysAfterPrevious ?? level.DaysAfterDue ?? 0));
        }

        return NorwegianCalendar.OnOrNextBusinessDay(earliest);
    }

    /// <summary>
    /// Inkassoforskriften: a reminder fee not before 14 days after the due date (§ 1-1); per claim at most two
    /// reminder-type fees (reminder or inkassovarsel) and one § 10 payment demand (§ 1-3); a second fee only after a
    /// missed deadline of at least 14 days set by the first.
    /// </summary>
    public static bool FeeAllowed(FeeKind kind, OpenInvoice invoice, InvoiceProgress progress, DateOnly sendDate, DateOnly deadline)
    {
        if (kind == FeeKind.None || sendDate < invoice.DueDate.AddDays(14))
        {
            return false;
        }

        var reminderFees = progress.Fees.Where(f => f.Kind == FeeKind.Reminder).ToList();
        if (kind == FeeKind.Reminder)
        {
            if (reminderFees.Count >= 2)
            {
                return false;
            }

            if (reminderFees.Count == 1)
            {
                var first = reminderFees[0];
                return first.Deadline.DayNumber - first.Date.DayNumber >= 14 && first.Deadline < sendDate;
            }

            return true;
        }

        // Payment demand (§ 10): once, after a missed deadline of at least 14 days, and giving at least 14 days.
        return progress.Fees.All(f => f.Kind != FeeKind.PaymentDemand)
            && progress.Deadline is { } previous && previous < sendDate
            && deadline.DayNumber - sendDate.DayNumber >= 14;
    }

    /// <summary>
    /// Whether the ledger shows the credit a resolved dispute waits for: the held invoices' open amount, less credit notes
    /// that were not in the ledger when it was decided, is at or below the amount left after the credit.
    /// </summary>
    public static bool CreditShown(AwaitedCredit awaited, DebtorLedger ledger)
    {
        var open = ledger.Invoices.Where(i => i.OpenAmount > 0m && awaited.Invoices.Contains(i.InvoiceNumber, StringComparer.Ordinal)).Sum(i => i.OpenAmount);
        var newCredits = ledger.Invoices.Where(i => i.OpenAmount < 0m && !awaited.KnownCredits.Contains(i.InvoiceNumber, StringComparer.Ordinal)).Sum(i => i.OpenAmount);
        return open + newCredits <= awaited.ExpectedOpen;
    }

    private static List<string> Refresh(DunningCase state, DebtorLedger ledger, DateOnly lastSeen)
    {
        state.DebtorName = ledger.Debtor.Name;
        state.DebtorEmail = ledger.Debtor.Email;
        state.IsBusiness = ledger.Debtor.Type == Common.CustomerType.Business;
        var open = ledger.Invoices.Where(i => i.OpenAmount > 0m).Select(i => i.InvoiceNumber).ToHashSet(StringComparer.Ordinal);
        var settled = new List<string>();
        foreach (var gone in state.Invoices.Keys.Where(k => !open.Contains(k)).ToList())
        {
            if (state.Invoices[gone].Level > 0 || state.HeldInvoices.Contains(gone, StringComparer.Ordinal))
            {
                settled.Add(gone);
            }

            state.Invoices.Remove(gone);
        }

        settled.AddRange(state.HeldInvoices.Where(h => !open.Contains(h) && !settled.Contains(h, StringComparer.Ordinal)));
        state.HeldInvoices.RemoveAll(h => !open.Contains(h));

        foreach (var invoice in ledger.Invoices.Where(i => i.OpenAmount > 0m))
        {
            if (state.Invoices.TryGetValue(invoice.InvoiceNumber, out var progress))
            {
                TrackBalance(progress, invoice.OpenAmount, lastSeen);
            }
        }

        return settled;
    }

    /// <summary>
    /// Records a changed open amount as a new balance step from the day after <paramref name="lastSeen"/>, the last day
    /// the case was evaluated with the old amount (the earliest the payment can have been seen).
    /// </summary>
    private static void TrackBalance(InvoiceProgress progress, decimal openAmount, DateOnly lastSeen)
    {
        if (progress.Balances.Count == 0)
        {
            progress.Balances.Add(new BalanceStep(DateOnly.MinValue, openAmount));
            return;
        }

        var current = progress.Balances[^1];
        if (current.Amount == openAmount)
        {
            return;
        }

        if (lastSeen <= current.From)
        {
            progress.Balances[^1] = current with { Amount = openAmount };
        }
        else
        {
            progress.Balances.Add(new BalanceStep(lastSeen, openAmount));
        }
    }

    private static InvoiceProgress ProgressOf(DunningCase state, string invoiceNumber)
    {
        if (!state.Invoices.TryGetValue(invoiceNumber, out var progress))
        {
            progress = new InvoiceProgress { InvoiceNumber = invoiceNumber };
            state.Invoices[invoiceNumber] = progress;
        }

        return progress;
    }

    private static DateOnly? NextAction(DunningCase state, List<OpenInvoice> candidates, PolicyOptions policy)
    {
        DateOnly? next = null;
        foreach (var invoice in candidates)
        {
            state.Invoices.TryGetValue(invoice.InvoiceNumber, out var progress);
            progress ??= new InvoiceProgress { InvoiceNumber = invoice.InvoiceNumber };
            if (progress.Level >= policy.Levels.Count)
            {
                continue;
            }

            var date = EarliestNext(invoice, progress, policy);
            next = next is null || date < next ? date : next;
        }

        // Untouched invoices need no stored progress (a deadline given in writing, e.g. after a dispute, is kept).
        foreach (var key in state.Invoices.Where(kv => kv.Value.Level == 0 && kv.Value.AnchoredOn is null && kv.Value.Deadline is null).Select(kv => kv.Key).ToList())
        {
            state.Invoices.Remove(key);
        }

        return next;
    }

    /// <summary>The stage the highest level reached among the case's invoices gives.</summary>
    public static string StageOf(DunningCase state, PolicyOptions policy)
    {
        var reached = state.Invoices.Values.Select(p => p.Level).DefaultIfEmpty(0).Max();
        return reached == 0 ? CaseStages.Current
            : reached > policy.Levels.Count ? CaseStages.Manual
            : policy.Levels[reached - 1].Stage;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
