using System.Text.Json;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>
/// Pauses, holds, resumes and restarts cases for replies, plans and people. Each call is idempotent on its key (kept on
/// the case) and archived as a decision with its actor.
/// </summary>
public sealed class CaseActions(
    ICaseStore cases,
    IOutboundStore outbound,
    DunningPolicies policies,
    BusinessClock clock,
    IEvidenceArchive archive,
    ILogger<CaseActions> logger) : ICaseActions
{
    private const int KeptKeys = 50;

    public async Task<CaseView?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        (await cases.GetAsync(creditorId, debtorId, cancellationToken))?.ToView();

    public async Task<CaseView?> FindByReplyTokenAsync(string replyToken, CancellationToken cancellationToken = default)
    {
        var token = ReminderContent.TokenOf(replyToken) ?? replyToken.Trim().ToLowerInvariant();
        var found = await cases.FindByTokenAsync(token, cancellationToken);
        return found is { } f ? await GetAsync(f.CreditorId, f.DebtorId, cancellationToken) : null;
    }

    public async Task<CaseView?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var found = await outbound.FindByMessageIdAsync(messageId, cancellationToken);
        return found is { } f ? await GetAsync(f.CreditorId, f.DebtorId, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<CaseView>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var views = new List<CaseView>();
        foreach (var (creditorId, debtorId) in await cases.FindByEmailAsync(email, cancellationToken))
        {
            if (await GetAsync(creditorId, debtorId, cancellationToken) is { } view && views.All(v => v.CaseId != view.CaseId))
            {
                views.Add(view);
            }
        }

        return views;
    }

    public Task PauseAsync(string creditorId, string debtorId, PauseReason reason, DateOnly? until, IReadOnlyList<string>? invoiceNumbers, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ApplyAsync(creditorId, debtorId, "pause", actor, note, idempotencyKey, c =>
        {
            if (invoiceNumbers is { Count: > 0 })
            {
                c.HeldInvoices = [.. c.HeldInvoices.Union(invoiceNumbers, StringComparer.Ordinal)];
                c.NextAction = clock.Today;
            }
            else
            {
                c.Pause = reason;
                c.PausedUntil = until;
                c.NextAction = until?.AddDays(1);
            }

            return new { reason = reason.ToString(), until, invoices = invoiceNumbers };
        }, cancellationToken);

    public Task ResumeAsync(string creditorId, string debtorId, PauseReason reason, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ApplyAsync(creditorId, debtorId, "resume", actor, note, idempotencyKey, c =>
        {
            if (c.Pause == reason)
            {
                c.Pause = null;
                c.PausedUntil = null;
                foreach (var progress in c.Invoices.Values.Where(p => p.Level > 0))
                {
                    // Re-anchor: the next step waits its interval from the day the case resumed.
                    progress.AnchoredOn = clock.Today;
                }
            }

            c.HeldInvoices.Clear();
            c.NextAction = clock.Today;
            return new { reason = reason.ToString() };
        }, cancellationToken);

    public Task ResolveDisputeAsync(string creditorId, string debtorId, DisputeResolution resolution, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ApplyAsync(creditorId, debtorId, resolution.CreditTo is null ? "dispute-rejected" : "dispute-upheld", actor, note, idempotencyKey, c =>
        {
            var disputed = resolution.Invoices.ToHashSet(StringComparer.Ordinal);
            if (c.Pause == PauseReason.Dispute)
            {
                c.Pause = null;
                c.PausedUntil = null;
            }

            c.NextAction = clock.Today;
            if (resolution.CreditTo is null && c.Stage == CaseStages.Manual)
            {
                // Nothing automatic is left at the manual stage: after the new deadline a person decides again.
                c.HeldInvoices.RemoveAll(disputed.Contains);
                c.Pause = PauseReason.Manual;
                c.PausedUntil = resolution.Deadline;
                c.NextAction = resolution.Deadline.AddDays(1);
                return new { outcome = "rejected", resolution.Deadline, invoices = resolution.Invoices, pausedUntil = resolution.Deadline };
            }

            foreach (var invoice in disputed)
            {
                // From where it stood: same level, but no next step (and no fee) before the deadline given in writing.
                if (!c.Invoices.TryGetValue(invoice, out var progress))
                {
                    progress = new InvoiceProgress { InvoiceNumber = invoice };
                    c.Invoices[invoice] = progress;
                }

                progress.Deadline = progress.Deadline is { } d && d > resolution.Deadline ? d : resolution.Deadline;
                progress.AnchoredOn = null;
            }

            if (resolution.CreditTo is { } creditTo)
            {
                c.HeldInvoices = [.. c.HeldInvoices.Union(disputed, StringComparer.Ordinal)];
                c.AwaitedCredit = new AwaitedCredit([.. resolution.Invoices], creditTo, resolution.Deadline, [.. resolution.KnownCredits]);
                return new { outcome = creditTo == 0m ? "upheld" : "partly", resolution.Deadline, invoices = resolution.Invoices, openAfterCredit = creditTo };
            }

            c.HeldInvoices.RemoveAll(disputed.Contains);
            return new { outcome = "rejected", resolution.Deadline, invoices = resolution.Invoices };
        }, cancellationToken);

    public Task ReleaseHoldAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ApplyAsync(creditorId, debtorId, "release-hold", actor, note, idempotencyKey, c =>
        {
            var released = c.HeldInvoices.ToList();
            if (c.Pause == PauseReason.Dispute)
            {
                c.Pause = null;
                c.PausedUntil = null;
            }

            c.HeldInvoices.Clear();
            c.AwaitedCredit = null;
            c.NextAction = clock.Today;
            return new { released };
        }, cancellationToken);

    public Task ReleaseInvoiceAsync(string creditorId, string debtorId, string invoiceNumber, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ApplyAsync(creditorId, debtorId, "release-invoice", actor, note, idempotencyKey, c =>
        {
            var invoice = invoiceNumber.Trim();
            if (!c.HeldInvoices.Contains(invoice, StringComparer.Ordinal))
            {
                throw new ReceivablesException(c.HeldInvoices.Count == 0
                    ? $"Invoice '{invoice}' of debtor '{debtorId}' is not held: no invoice of the case is held."
                    : $"Invoice '{invoice}' of debtor '{debtorId}' is not held; held are: {string.Join(", ", c.HeldInvoices)}.");
            }

            c.HeldInvoices.Remove(invoice);
            if (c.AwaitedCredit is { } awaited && awaited.Invoices.Contains(invoice, StringComparer.Ordinal))
            {
                // Released before the awaited credit note was booked: the rest still waits for it.
                var rest = awaited.Invoices.Where(i => i != invoice).ToList();
                c.AwaitedCredit = rest.Count == 0 ? null : awaited with { Invoices = rest };
            }

            c.NextAction = clock.Today;
            return new { released = invoice, stillHeld = c.HeldInvoices.ToList() };
        }, cancellationToken);

    public async Task SetNeverAutomaticAsync(string creditorId, string debtorId, bool neverAutomatic, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var names = await policies.NamesAsync(creditorId, cancellationToken);
        await ApplyAsync(creditorId, debtorId, neverAutomatic ? "never-automatic" : "automatic-again", actor, note, idempotencyKey, c =>
        {
            var before = c.NeverAutomatic;
            c.NeverAutomatic = neverAutomatic;
            if (neverAutomatic)
            {
                c.Stage = CaseStages.Manual;
            }
            else if (before && c.Stage == CaseStages.Manual)
            {
                // Back on the ladder: the stage the invoices' levels reach under the debtor's policy.
                var debtor = new Debtor(creditorId, debtorId, c.DebtorName, c.DebtorEmail, c.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null);
                c.Stage = policies.For(creditorId, debtor, names) is { } policy ? Ladder.StageOf(c, policy) : CaseStages.Manual;
            }

            // The next cycle looks at the case at once (it decides nothing automatic while the flag is set).
            c.NextAction = clock.Today;
            return new { neverAutomatic, before };
        }, cancellationToken);
    }

    public async Task RestartFriendlyStepAsync(string creditorId, string debtorId, string actor, string note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var names = await policies.NamesAsync(creditorId, cancellationToken);
        await ApplyAsync(creditorId, debtorId, "restart-friendly-step", actor, note, idempotencyKey, c =>
        {
            var debtor = new Debtor(creditorId, debtorId, c.DebtorName, c.DebtorEmail, c.IsBusiness ? CustomerType.Business : CustomerType.Consumer, null);
            var friendly = policies.For(creditorId, debtor, names)?.Levels.FirstOrDefault();
            var today = clock.Today;
            foreach (var progress in c.Invoices.Values)
            {
                progress.Level = 1;
                progress.LastSent = today;
                progress.Deadline = NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(friendly?.DeadlineDays ?? 14));
                progress.AnchoredOn = null;
            }

            if (c.Invoices.Count > 0)
            {
                c.Stage = friendly?.Stage ?? CaseStages.Friendly;
            }

            c.NextAction = today;
            return new { deadline = c.Invoices.Values.Select(p => p.Deadline).FirstOrDefault() };
        }, cancellationToken);
    }

    private async Task ApplyAsync(string creditorId, string debtorId, string action, string actor, string note, string idempotencyKey, Func<DunningCase, object> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await cases.GetAsync(creditorId, debtorId, cancellationToken)
                ?? throw new ReceivablesException($"No dunning case for debtor '{debtorId}' of creditor '{creditorId}'.");
            if (c.AppliedKeys.Contains(idempotencyKey, StringComparer.Ordinal))
            {
                return;
            }

            var details = change(c);
            c.AppliedKeys.Add(idempotencyKey);
            if (c.AppliedKeys.Count > KeptKeys)
            {
                c.AppliedKeys.RemoveRange(0, c.AppliedKeys.Count - KeptKeys);
            }

            // Archived first (idempotent on the key), so an applied decision always has its record.
            var content = JsonSerializer.SerializeToUtf8Bytes(new { action, actor, note, details, at = clock.Now }, Json.Indented);
            await archive.AppendAsync(
                new EvidenceItem(creditorId, debtorId, c.CaseId, EvidenceKinds.Decision, $"Case {action}", "application/json", content, actor, idempotencyKey, clock.Now, new Dictionary<string, string> { ["action"] = action }),
                cancellationToken);
            try
            {
                await cases.SaveAsync(c, cancellationToken);
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                continue;
            }

            logger.LogInformation("Case {CaseId}: {Action} by {Actor}", c.CaseId, action, actor);
            return;
        }
    }
}
