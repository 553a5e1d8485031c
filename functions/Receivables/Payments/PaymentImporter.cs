using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Payments.Parsing;
using Receivables.Payments.Storage;
using Receivables.Storage;

namespace Receivables.Payments;

/// <summary>
/// Turns one uploaded bank file into payments placed on open invoices, or refuses it as a whole with a report next to
/// the file. The file is read twice, streaming: first to check all of it (nothing is stored when anything is wrong),
/// then to match and store in batches. Idempotent per blob version, per content (the same file again counts nothing)
/// and per transaction (the same bank reference in two files counts once).
/// </summary>
public sealed class PaymentImporter(
    IPaymentStore store,
    LedgerReader snapshots,
    ITaskStore tasks,
    ICaseStore cases,
    IEvidenceArchive archive,
    IEnumerable<IOpenItemsObserver> observers,
    IEnumerable<IPaymentReferences> references,
    IOptions<PaymentsOptions> options,
    IOptions<ReceivablesOptions> receivables,
    TimeProvider time,
    ILogger<PaymentImporter> logger)
{
    /// <summary>Where the rejection report of <paramref name="blobName"/> goes (a <c>rejected/</c> folder under the creditor).</summary>
    public static string ReportName(string blobName)
    {
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? $"rejected/{blobName}.errors.txt" : $"{blobName[..slash]}/rejected/{blobName[(slash + 1)..]}.errors.txt";
    }

    /// <summary>Files the payments feature writes itself (rejection reports), which are not uploads.</summary>
    public static bool IsOutput(string blobName) =>
        blobName.Contains("/rejected/", StringComparison.Ordinal) || blobName.StartsWith("rejected/", StringComparison.Ordinal)
        || blobName.EndsWith(".errors.txt", StringComparison.Ordinal);

    public async Task<PaymentImportOutcome> ImportAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        if (await store.GetOutcomeAsync(blobName, eTag, cancellationToken) is { } done)
        {
            logger.LogInformation("Payment file {Blob} ({ETag}) was already handled: {Result}", blobName, eTag, done.Result);
            return done;
        }

        var outcome = await DecideAsync(blobName, eTag, cancellationToken);
        await store.SaveOutcomeAsync(outcome, cancellationToken);
        return outcome;
    }

    private async Task<PaymentImportOutcome> DecideAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        var creditorId = slash > 0 ? blobName[..slash] : null;
        var file = await store.GetUploadAsync(blobName, cancellationToken);
        if (file is null || !string.Equals(file.ETag.Trim('"'), eTag.Trim('"'), StringComparison.Ordinal))
        {
            logger.LogWarning("Payment file {Blob} ({ETag}) is gone or was replaced before it was read; skipped", blobName, eTag);
            return new PaymentImportOutcome(blobName, eTag, creditorId, PaymentImportResult.Skipped, "The file was deleted or replaced before it was read.", now);
        }

        if (creditorId is null || !receivables.Value.Creditors.ContainsKey(creditorId))
        {
            var configured = string.Join(", ", receivables.Value.Creditors.Keys);
            return await RejectAsync(file, creditorId, null, new PaymentFileException(blobName, 0, "folder", creditorId,
                $"a file in a folder named after a configured creditor ({StorageNames.Containers.Payments}/<creditorId>/...; configured: {configured})"), now, cancellationToken);
        }

        // Pass 1: the whole file is checked before anything is stored.
        var check = new PaymentFileSummary();
        string sha;
        try
        {
            using var hashing = new HashingStream(await store.OpenUploadAsync(file, cancellationToken));
            await Task.Run(
                () =>
                {
                    foreach (var transaction in PaymentFormats.Read(hashing, blobName, check, options.Value.MaxAmount))
                    {
                        _ = transaction;
                    }
                },
                cancellationToken);
            sha = hashing.Finish();
        }
        catch (PaymentFileException e)
        {
            return await RejectAsync(file, creditorId, check.Format, e, now, cancellationToken);
        }

        if (await store.GetImportedFileAsync(creditorId, sha, cancellationToken) is { } earlier)
        {
            logger.LogInformation("Payment file {Blob} has the same content as {Earlier}; nothing counted twice", blobName, earlier);
            return new PaymentImportOutcome(blobName, eTag, creditorId, PaymentImportResult.Duplicate, $"The same content as '{earlier}', imported before: nothing counted twice.", now, check.Format, check.Transactions, Skipped: check.Skipped);
        }

        var run = new Run(creditorId, blobName, sha, check.Format);
        await foreach (var caseSummary in cases.SummariesAsync(creditorId, cancellationToken))
        {
            run.WithCase.Add(caseSummary.DebtorId);
        }

        var snapshot = await snapshots.GetLatestSnapshotAsync(creditorId, cancellationToken);
        var index = await IndexAsync(creditorId, snapshot, cancellationToken);

        // Pass 2: match and store, a batch at a time.
        var summary = new PaymentFileSummary();
        var batch = new List<BankTransaction>(options.Value.BatchSize);
        await using (var content = await store.OpenUploadAsync(file, cancellationToken))
        {
            foreach (var transaction in PaymentFormats.Read(content, blobName, summary, options.Value.MaxAmount))
            {
                if (!transaction.IsIncomingPayment && !transaction.IsPaymentReversal)
                {
                    continue;
                }

                batch.Add(transaction);
                if (batch.Count >= options.Value.BatchSize)
                {
                    await BatchAsync(run, batch, index, snapshot, cancellationToken);
                    batch.Clear();
                }
            }
        }

        await BatchAsync(run, batch, index, snapshot, cancellationToken);
        await store.MarkFileImportedAsync(creditorId, sha, blobName, cancellationToken);
        if (run.Debtors.Count > 0)
        {
            foreach (var observer in observers)
            {
                await observer.OnOpenItemsAdjustedAsync(creditorId, run.Debtors, cancellationToken);
            }
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"{summary.Format}: {run.Transactions} transaction(s); {run.Matched} placed ({run.MatchedAmount:0.00}), {run.Unmatched} not placed, {run.Duplicates} counted before, {run.Reversals} reversal(s), {summary.Skipped} entr(ies) not incoming payments; overpaid {run.Overpaid:0.00}.");
        logger.LogInformation("Payment file {Blob} of {CreditorId} imported: {Message}", blobName, creditorId, message);
        return new PaymentImportOutcome(blobName, eTag, creditorId, PaymentImportResult.Accepted, message, now, summary.Format, run.Transactions, run.Matched, run.Unmatched, run.Duplicates, run.Reversals, summary.Skipped,
            run.MatchedAmount, run.Overpaid, run.Debtors.Count, null, [.. run.Lines.Take(50), .. summary.Warnings.Take(20).Select(w => "warning: " + w)]);
    }

    /// <summary>The creditor's invoices (paid ones included, for overpayments) less the bank payments already applied.</summary>
    private async Task<OpenItemIndex> IndexAsync(string creditorId, SnapshotInfo? snapshot, CancellationToken cancellationToken)
    {
        var index = new OpenItemIndex();
        if (snapshot is null)
        {
            return index;
        }

        var applied = (await store.GetAllocationsAsync(creditorId, null, cancellationToken))
            .GroupBy(a => a.DebtorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        await foreach (var debtor in snapshots.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            var raw = debtor.Invoices.ToDictionary(i => i.InvoiceNumber, i => i.OpenAmount, StringComparer.Ordinal);
            var lines = debtor;
            if (applied.TryGetValue(debtor.Debtor.DebtorId, out var list))
            {
                var byInvoice = list.ToLookup(a => a.InvoiceNumber, StringComparer.Ordinal);
                lines = debtor with
                {
                    Invoices = [.. debtor.Invoices.Select(i => i with { OpenAmount = Math.Max(0m, i.OpenAmount - OpenItemAdjustment.NotYetInLedger(byInvoice[i.InvoiceNumber].Select(Adjustment), i.OpenAmount)) })],
                };
            }

            index.Add(lines, snapshot.SnapshotId, raw);
        }

        foreach (var source in references)
        {
            foreach (var reference in await source.ForCreditorAsync(creditorId, cancellationToken))
            {
                index.AddReference(reference);
            }
        }

        return index;
    }

    internal static OpenItemAdjustment Adjustment(ActiveAllocation a) => new(a.InvoiceNumber, a.Amount, a.BaseOpen, a.BaseSnapshotId, a.PaymentKey);

    private async Task BatchAsync(Run run, List<BankTransaction> batch, OpenItemIndex index, SnapshotInfo? snapshot, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var keys = batch.Select(t => AzurePaymentStore.KeyOf(t.BankReference)).ToList();
        var claims = await store.ClaimAsync(run.CreditorId, run.Sha, keys, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var payments = new List<StoredPayment>();
        var allocations = new List<ActiveAllocation>();
        var decided = new List<(BankTransaction Transaction, StoredPayment Payment)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var transaction = batch[i];
            var key = keys[i];
            run.Transactions++;
            if (!seen.Add(key) || claims[key] == ClaimResult.Duplicate)
            {
                run.Duplicates++;
                run.Note($"record {transaction.Record}: {Amount(transaction)} counted before (bank reference {transaction.BankReference})");
                continue;
            }

            if (claims[key] == ClaimResult.AlreadyDone)
            {
                continue;
            }

            if (transaction.IsPaymentReversal)
            {
                // A reversal may undo a payment of this same batch: store what is decided so far first.
                await FlushAsync(run, payments, allocations, decided, cancellationToken);
                await ReverseAsync(run, transaction, key, index, cancellationToken);
                continue;
            }

            var decision = PaymentMatcher.Match(transaction, index);
            var payment = new StoredPayment(run.CreditorId, key, run.BlobName, run.Sha, transaction.Record, transaction.BankReference, transaction.Amount, transaction.Currency, transaction.BookingDate,
                transaction.Kid, transaction.CreditorReference, transaction.FreeText, transaction.PayerName, transaction.PayerAccount, false, decision.Rule, decision.DebtorId, decision.Allocations,
                decision.Overpayment, decision.IsMatched ? PaymentStates.Matched : PaymentStates.Unmatched, decision.Reason);
            payments.Add(payment);
            decided.Add((transaction, payment));
            foreach (var allocation in decision.Allocations)
            {
                var item = index.Find(allocation.DebtorId, allocation.InvoiceNumber)!;
                allocations.Add(new ActiveAllocation(run.CreditorId, allocation.DebtorId, allocation.InvoiceNumber, key, allocation.Amount, transaction.Currency, item.RawOpen, snapshot!.SnapshotId, transaction.BookingDate));
            }
        }

        await FlushAsync(run, payments, allocations, decided, cancellationToken);
    }

    private async Task FlushAsync(Run run, List<StoredPayment> payments, List<ActiveAllocation> allocations, List<(BankTransaction Transaction, StoredPayment Payment)> decided, CancellationToken cancellationToken)
    {
        if (payments.Count == 0)
        {
            return;
        }

        // Applied payments first, then the transactions: a crash in between leaves claims that a retry decides again.
        await store.AddAllocationsAsync(allocations, cancellationToken);
        await store.SavePaymentsAsync(payments, cancellationToken);
        var toOpen = new List<(BankTransaction Transaction, StoredPayment Payment)>();
        foreach (var (transaction, payment) in decided)
        {
            if (payment.Rule == MatchRule.None)
            {
                run.Unmatched++;
                run.Note($"record {transaction.Record}: {Amount(transaction)} not placed: {payment.Reason}");
                toOpen.Add((transaction, payment));
                continue;
            }

            run.Matched++;
            run.MatchedAmount += transaction.Amount;
            run.Overpaid += payment.Overpayment;
            run.Debtors.Add(payment.DebtorId!);
            run.Note($"record {transaction.Record}: {Amount(transaction)} placed by {payment.Rule} on {payment.DebtorId}: {string.Join(", ", payment.Allocations.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.InvoiceNumber} {a.Amount:0.00}")))}"
                + (payment.Overpayment > 0m ? string.Create(CultureInfo.InvariantCulture, $"; overpaid {payment.Overpayment:0.00}") : ""));
            if (payment.Overpayment > 0m)
            {
                toOpen.Add((transaction, payment));
            }
        }

        // The batch's tasks (unplaced payments, overpayments) are independent and idempotent by key: opened a few at a
        // time, as each costs storage round trips.
        await Parallel.ForEachAsync(toOpen, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, (item, token) => new ValueTask(OpenTaskAsync(run, item.Transaction, item.Payment, token)));
        await ArchiveAsync(run, decided.Where(d => d.Payment.DebtorId is not null).ToList(), cancellationToken);
        payments.Clear();
        allocations.Clear();
        decided.Clear();
    }

    private Task<WorkTask> OpenTaskAsync(Run run, BankTransaction transaction, StoredPayment payment, CancellationToken cancellationToken) =>
        payment.Rule == MatchRule.None
            ? tasks.OpenAsync(
                run.CreditorId,
                PaymentTaskKinds.UnplacedPayment,
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"Payment we could not place: {transaction.Amount:0.00} {transaction.Currency} from {transaction.PayerName ?? transaction.PayerAccount ?? "unknown payer"}"),
                Describe(run, transaction) + $" Why: {payment.Reason}. Find the invoice it pays and record it in the ledger, or refund it.",
                "payment-unplaced|" + run.CreditorId + "|" + payment.Key,
                cancellationToken)
            : tasks.OpenAsync(
                run.CreditorId,
                PaymentTaskKinds.Overpayment,
                payment.DebtorId,
                null,
                string.Create(CultureInfo.InvariantCulture, $"Overpayment of {payment.Overpayment:0.00} {transaction.Currency} from {payment.DebtorId}"),
                Describe(run, transaction) + $" {payment.Reason}. Refund the difference or keep it as a credit in the ledger.",
                "payment-overpaid|" + run.CreditorId + "|" + payment.Key,
                cancellationToken);

    private async Task ReverseAsync(Run run, BankTransaction reversal, string key, OpenItemIndex index, CancellationToken cancellationToken)
    {
        run.Reversals++;
        var candidates = await store.FindByAmountAsync(run.CreditorId, reversal.Amount, reversal.Currency, cancellationToken);
        var original = candidates
            .Where(p => p.BookingDate <= reversal.BookingDate)
            .Where(p => (reversal.Kid is not null && p.Kid == reversal.Kid)
                || (reversal.CreditorReference is not null && p.CreditorReference == reversal.CreditorReference)
                || (reversal.PayerAccount is not null && p.PayerAccount == reversal.PayerAccount)
                || (reversal.FreeText is not null && p.FreeText == reversal.FreeText))
            .OrderByDescending(p => p.BookingDate)
            .FirstOrDefault();
        string reason;
        if (original is null)
        {
            reason = "no stored payment with this amount and the same KID, reference, payer account or text";
            await tasks.OpenAsync(run.CreditorId, PaymentTaskKinds.UnplacedReversal, null, null,
                string.Create(CultureInfo.InvariantCulture, $"Reversal we could not place: {reversal.Amount:0.00} {reversal.Currency}"),
                Describe(run, reversal) + $" Why: {reason}.", "payment-reversal|" + run.CreditorId + "|" + key, cancellationToken);
        }
        else
        {
            var applied = (await store.GetAllocationsAsync(run.CreditorId, original.DebtorId ?? "", cancellationToken)).Where(a => a.PaymentKey == original.Key).ToList();
            foreach (var allocation in applied)
            {
                await store.UpdateAllocationAsync(allocation, remove: true, cancellationToken);
                if (index.Find(allocation.DebtorId, allocation.InvoiceNumber) is { } item)
                {
                    item.Open += allocation.Amount;
                }
            }

            var inLedger = original.Allocations.Sum(a => a.Amount) - applied.Sum(a => a.Amount);
            reason = $"reverses the payment of record {original.Record} in {original.BlobName}";
            if (inLedger > 0m)
            {
                reason += string.Create(CultureInfo.InvariantCulture, $"; the ledger already shows {inLedger:0.00} of it as paid");
                await tasks.OpenAsync(run.CreditorId, PaymentTaskKinds.UnplacedReversal, original.DebtorId, null,
                    string.Create(CultureInfo.InvariantCulture, $"Reversed payment the ledger shows as paid: {reversal.Amount:0.00} {reversal.Currency} from {original.DebtorId}"),
                    Describe(run, reversal) + $" It {reason}. Reopen the invoice(s) {string.Join(", ", original.Allocations.Select(a => a.InvoiceNumber))} in the ledger.",
                    "payment-reversal|" + run.CreditorId + "|" + key, cancellationToken);
            }

            await store.SavePaymentsAsync([original with { Status = PaymentStates.Reversed, Reason = original.Reason + "; reversed by record " + reversal.Record.ToString(CultureInfo.InvariantCulture) + " of " + run.BlobName }], cancellationToken);
            if (original.DebtorId is { } debtorId)
            {
                run.Debtors.Add(debtorId);
            }
        }

        var stored = new StoredPayment(run.CreditorId, key, run.BlobName, run.Sha, reversal.Record, reversal.BankReference, reversal.Amount, reversal.Currency, reversal.BookingDate, reversal.Kid,
            reversal.CreditorReference, reversal.FreeText, reversal.PayerName, reversal.PayerAccount, true, MatchRule.None, original?.DebtorId, [], 0m, PaymentStates.Reversal, reason);
        await store.SavePaymentsAsync([stored], cancellationToken);
        run.Note($"record {reversal.Record}: reversal of {Amount(reversal)}: {reason}");
        if (original?.DebtorId is not null)
        {
            await ArchiveAsync(run, [(reversal, stored)], cancellationToken);
        }
    }

    /// <summary>
    /// One evidence item per debtor with a dunning case and batch: the file (name, SHA-256, format), each record as the
    /// bank wrote it, and the decision. A debtor without a case (paid before any reminder) has nothing to archive it
    /// with: its payments stay in the Payments table and the file in the payments container.
    /// </summary>
    private async Task ArchiveAsync(Run run, List<(BankTransaction Transaction, StoredPayment Payment)> decided, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            decided.GroupBy(d => d.Payment.DebtorId!, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var debtorId = group.Key;
                if (!run.WithCase.Contains(debtorId) || await cases.GetAsync(run.CreditorId, debtorId, token) is not { } found)
                {
                    return;
                }

                var caseId = found.CaseId;
                var items = group.Select(d => new
                {
                    record = d.Transaction.Record,
                    bankReference = d.Transaction.BankReference,
                    amount = d.Transaction.Amount,
                    currency = d.Transaction.Currency,
                    bookingDate = d.Transaction.BookingDate,
                    valueDate = d.Transaction.ValueDate,
                    kid = d.Transaction.Kid,
                    rf = d.Transaction.CreditorReference,
                    text = d.Transaction.FreeText,
                    payer = d.Transaction.PayerName,
                    payerAccount = d.Transaction.PayerAccount,
                    reversal = d.Transaction.IsReversal,
                    rule = d.Payment.Rule.ToString(),
                    allocations = d.Payment.Allocations,
                    overpayment = d.Payment.Overpayment,
                    decision = d.Payment.Reason,
                    raw = d.Transaction.Raw,
                }).ToList();
                var content = JsonSerializer.SerializeToUtf8Bytes(new { file = run.BlobName, sha256 = run.Sha, format = run.Format, debtor = debtorId, payments = items }, Json.Indented);
                var total = group.Sum(d => d.Transaction.IsReversal ? -d.Transaction.Amount : d.Transaction.Amount);
                await archive.AppendAsync(
                    new EvidenceItem(
                        run.CreditorId,
                        debtorId,
                        caseId,
                        EvidenceKinds.Decision,
                        string.Create(CultureInfo.InvariantCulture, $"Bank payment(s) {total:0.00} from {run.BlobName}: {string.Join("; ", group.Select(d => d.Payment.Reason))}"),
                        "application/json",
                        content,
                        Actors.Rule,
                        "payment|" + run.Sha + "|" + string.Join(",", group.Select(d => d.Payment.Key[2..12])),
                        time.GetUtcNow(),
                        new Dictionary<string, string>
                        {
                            [EvidenceMetadata.InvoiceNumbers] = string.Join(",", group.SelectMany(d => d.Payment.Allocations).Select(a => a.InvoiceNumber).Distinct()),
                            ["file"] = run.BlobName,
                            ["fileSha256"] = run.Sha,
                        }),
                    token);
            });
    }

    private static string Amount(BankTransaction t) => string.Create(CultureInfo.InvariantCulture, $"{t.Amount:0.00} {t.Currency}");

    private static string Describe(Run run, BankTransaction t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.Amount:0.00} {t.Currency} booked {t.BookingDate:yyyy-MM-dd} from {t.PayerName ?? "(no name)"} (account {t.PayerAccount ?? "unknown"}); KID {t.Kid ?? "none"}, reference {t.CreditorReference ?? "none"}, text \"{t.FreeText ?? ""}\"; {run.BlobName} record {t.Record}, bank reference {t.BankReference}.");

    private async Task<PaymentImportOutcome> RejectAsync(PaymentUploadFile file, string? creditorId, string? format, PaymentFileException error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reportName = ReportName(file.BlobName);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Payment file rejected: {file.BlobName}")
            .AppendLine(CultureInfo.InvariantCulture, $"Checked: {now:yyyy-MM-dd HH:mm:ss} UTC; format: {(string.IsNullOrEmpty(format) ? "not recognised" : format)}")
            .AppendLine("Nothing already stored was changed and no payment of this file was counted. Correct the file and upload it again.")
            .AppendLine()
            .AppendLine("  " + error.Message);
        await store.WriteReportAsync(reportName, report.ToString(), cancellationToken);
        logger.LogWarning("Payment file {Blob} rejected (report {Report}): {Error}", file.BlobName, reportName, error.Message);
        return new PaymentImportOutcome(file.BlobName, file.ETag, creditorId, PaymentImportResult.Rejected, $"Rejected: {error.Message} (report: {StorageNames.Containers.Payments}/{reportName})", now,
            string.IsNullOrEmpty(format) ? null : format, ReportBlob: reportName, Lines: [error.Message]);
    }

    private sealed class Run(string creditorId, string blobName, string sha, string format)
    {
        public string CreditorId { get; } = creditorId;

        public string BlobName { get; } = blobName;

        public string Sha { get; } = sha;

        public string Format { get; } = format;

        public int Transactions { get; set; }

        public int Matched { get; set; }

        public int Unmatched { get; set; }

        public int Duplicates { get; set; }

        public int Reversals { get; set; }

        public decimal MatchedAmount { get; set; }

        public decimal Overpaid { get; set; }

        public HashSet<string> Debtors { get; } = new(StringComparer.Ordinal);

        /// <summary>Debtors with a dunning case when the import began (one read of the case summaries, not one per payment).</summary>
        public HashSet<string> WithCase { get; } = new(StringComparer.Ordinal);

        public List<string> Lines { get; } = [];

        /// <summary>Keeps the first lines for the outcome (a 100,000-transaction file is summed up, not listed).</summary>
        public void Note(string line)
        {
            if (Lines.Count < 200)
            {
                Lines.Add(line);
            }
        }
    }
}
