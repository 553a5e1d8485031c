using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Handover;

/// <summary>
/// Exports an approved hand-over (a <see cref="TaskKinds.DecideEscalation"/> task done with outcome
/// <c>collection</c>): the claim file (JSON) and the debtor's evidence bundle (zip), and archives that it was handed over.
/// </summary>
public sealed class HandoverExporter(
    ILedgerReader ledger,
    ICaseStore cases,
    DunningPolicies policies,
    ITaskStore tasks,
    IEvidenceReader evidence,
    IEvidenceArchive archive,
    EvidenceExporter bundles,
    LegalNotices legalNotices,
    ICreditorDirectory creditors,
    BusinessClock clock)
{
    public async Task<(string ClaimFile, string BundleFile, HandoverFile Content)> ExportAsync(string creditorId, string debtorId, string outDirectory, CancellationToken cancellationToken = default)
    {
        WorkTask? approval = null;
        await foreach (var task in tasks.ListAsync(creditorId, openOnly: false, cancellationToken))
        {
            if (task.Kind == TaskKinds.DecideEscalation && task.DebtorId == debtorId && task.Outcome == EscalationOutcomes.Collection)
            {
                approval = task;
            }
        }

        if (approval is null)
        {
            throw new ReceivablesException($"No approved hand-over for debtor '{debtorId}': decide its decide-escalation task first (tasks done <id> --outcome collection).");
        }

        var lines = await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken)
            ?? throw new ReceivablesException($"Debtor '{debtorId}' has nothing open in the latest ledger of '{creditorId}': nothing to hand over.");
        var state = await cases.GetAsync(creditorId, debtorId, cancellationToken)
            ?? throw new ReceivablesException($"No dunning case for debtor '{debtorId}'.");
        var creditor = (await creditors.FindAsync(creditorId, cancellationToken))?.Profile
            ?? throw new ReceivablesException($"Creditor '{creditorId}' is not in the creditor registry or settings (retired?): nothing to hand over in its name.");
        var today = clock.Today;

        var policy = await policies.ForAsync(creditorId, lines.Debtor, cancellationToken);
        string FeeKind(ChargedFee fee) => fee.Kind == Dunning.FeeKind.Reminder && policy is { } p && fee.Level >= 1 && fee.Level <= p.Levels.Count && p.Levels[fee.Level - 1].Stage == CaseStages.CollectionNotice
            ? "CollectionNotice"
            : fee.Kind.ToString();
        var claims = new List<HandoverClaim>();
        foreach (var invoice in lines.Invoices.Where(i => i.OpenAmount > 0m).OrderBy(i => i.DueDate))
        {
            // The same computation as the reminders: interest follows the balances seen, compensation is net of fees.
            var claim = ClaimLine.For(invoice, state.Invoices.GetValueOrDefault(invoice.InvoiceNumber), today, policies.Rates);
            claims.Add(new HandoverClaim(
                invoice.InvoiceNumber, invoice.InvoiceDate, invoice.DueDate, invoice.Amount, invoice.OpenAmount, invoice.Kid,
                [.. claim.Fees.Select(f => new HandoverFee(FeeKind(f), f.Amount, f.Date, f.Deadline))],
                claim.InterestTotal,
                [.. claim.Interest.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Balance:0.00} x {i.Period.RatePercent:0.00} % x {i.Period.Days}/{policies.Rates.DayBasis} days, {i.Period.From:yyyy-MM-dd} to {i.Period.To:yyyy-MM-dd}: {i.Period.Amount:0.00}"))],
                claim.CompensationNet));
        }

        var caseRef = new EvidenceCaseRef(creditorId, debtorId, state.CaseId);
        var entries = await evidence.ReadCaseAsync(caseRef, cancellationToken);
        var sentSteps = legalNotices.Sent(entries.Select(e => e.Entry));
        if (await legalNotices.MissingAsync(lines.Debtor, sentSteps, today, cancellationToken) is { } missing)
        {
            // Approved or not: an agency gets no claim the law's notices have not prepared.
            throw new ReceivablesException($"Debtor '{debtorId}' cannot be handed over to collection: {missing}.");
        }

        var reminders = entries
            .Where(e => e.Entry.Kind == EvidenceKinds.OutboundEmail)
            .Select(e => new HandoverReminder(
                clock.ToLocalDate(e.Entry.OccurredAt),
                e.Entry.Title,
                e.Entry.IdempotencyKey.Split('|').FirstOrDefault(p => p.Length > 1 && p[0] == 'L' && char.IsAsciiDigit(p[1]))?[1..],
                e.Entry.Metadata.GetValueOrDefault(EvidenceMetadata.MessageId)))
            .Concat(sentSteps.Where(s => s.Channel != "email").Select(s => new HandoverReminder(s.Date, s.Title, s.Level.ToString(CultureInfo.InvariantCulture), null)))
            .OrderBy(r => r.Date)
            .ToList();

        var notices = new List<HandoverCollectionNotice>();
        foreach (var sent in entries.Where(e => e.Entry.Kind == EvidenceKinds.OutboundEmail))
        {
            var level = sent.Entry.IdempotencyKey.Split('|').FirstOrDefault(p => p.Length > 1 && p[0] == 'L' && char.IsAsciiDigit(p[1]))?[1..];
            if (policy is null || !int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > policy.Levels.Count || policy.Levels[n - 1].Stage != CaseStages.CollectionNotice)
            {
                continue;
            }

            var key = sent.Entry.IdempotencyKey["email|".Length..];
            var printed = entries.Any(e => e.Entry.IdempotencyKey == "post:" + key);
            var posted = entries.Where(e => e.Entry.Metadata.TryGetValue("postedOn", out _)).Select(e => DateOnly.ParseExact(e.Entry.Metadata["postedOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture)).Cast<DateOnly?>().FirstOrDefault();
            var date = clock.ToLocalDate(sent.Entry.OccurredAt);
            var deadline = state.Invoices.Values.SelectMany(i => i.Fees).Where(f => f.Level == n && f.Date == date).Select(f => (DateOnly?)f.Deadline).FirstOrDefault();
            notices.Add(new HandoverCollectionNotice(date, deadline, printed ? (posted is null ? "email; post task open" : "email and post") : "email", posted, sent.Entry.Metadata.GetValueOrDefault(EvidenceMetadata.MessageId)));
        }

        var principal = claims.Sum(c => c.OpenPrincipal);
        var fees = claims.Sum(c => c.Fees.Sum(f => f.Amount));
        var interest = claims.Sum(c => c.InterestToDate);
        var compensation = claims.Sum(c => c.Compensation);
        var currency = lines.Invoices.FirstOrDefault()?.Currency ?? creditor.Currency;
        var inNok = currency == RateTables.Currency;
        var total = principal + interest + (inNok ? fees + compensation : 0m);
        IReadOnlyList<Email.CurrencyAmount> byCurrency = inNok || fees + compensation == 0m
            ? [new(currency, total)]
            : [new(currency, total), new(RateTables.Currency, fees + compensation)];
        var recommendation = approval.Details.IndexOf("Recommendation:", StringComparison.Ordinal) is var at and >= 0 ? approval.Details[at..] : "";
        Directory.CreateDirectory(outDirectory);
        var stem = string.Create(CultureInfo.InvariantCulture, $"handover-{creditorId}-{debtorId}-{today:yyyy-MM-dd}");
        var bundlePath = Path.Combine(outDirectory, stem + ".evidence.zip");
        var content = new HandoverFile(
            HandoverFile.Version,
            today,
            new HandoverCreditor(creditorId, creditor.Name, creditor.OrgNumber, creditor.Email, creditor.BankAccount),
            new HandoverDebtor(debtorId, lines.Debtor.Name, lines.Debtor.OrgNumber, lines.Debtor.Email, lines.Debtor.Phone, lines.Debtor.Type == CustomerType.Business, state.CaseId),
            currency,
            claims,
            new HandoverTotals(principal, fees, interest, compensation, total) { ByCurrency = byCurrency },
            reminders,
            new HandoverApproval(approval.TaskId, approval.Note ?? "", approval.CompletedAt, recommendation),
            Path.GetFileName(bundlePath),
            notices);

        // Archived before the files are written, so the bundle contains the hand-over record itself.
        await archive.AppendAsync(new EvidenceItem(
            creditorId, debtorId, state.CaseId, EvidenceKinds.Decision, "Handed over to a collection agency", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(content, Json.Indented), Actors.System, "handover:" + stem, clock.Now,
            new Dictionary<string, string>
            {
                [EvidenceMetadata.Summary] = "Handed over: " + string.Join(" + ", byCurrency.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Amount:0.00} {t.Currency}"))),
                [EvidenceMetadata.Amount] = content.Totals.Total.ToString("0.00", CultureInfo.InvariantCulture),
                [EvidenceMetadata.Currency] = content.Currency,
            }), cancellationToken);

        var claimPath = Path.Combine(outDirectory, stem + ".json");
        await File.WriteAllBytesAsync(claimPath, JsonSerializer.SerializeToUtf8Bytes(content, Json.Indented), cancellationToken);
        await using (var zip = File.Create(bundlePath))
        {
            await bundles.ExportAsync(creditorId, debtorId, state.CaseId, zip, cancellationToken);
        }

        return (claimPath, bundlePath, content);
    }
}
