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
    ICreditorDirectory creditors,
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

    /// <summary>
    /// Transactions are claimed <see cref="PaymentsOptions.BatchSize"/> at a time (one table transaction each) and what
    /// they cause is stored this many batches at a time: applied payments, tasks and decisions in table transactions of
    /// up to 100, evidence once per debtor, so that the few tasks of each batch share a transaction.
    /// </summary>
    public const int BatchesPerFlush = 10;

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

        var active = await creditors.ActiveAsync(cancellationToken);
        if (creditorId is null || !active.ContainsKey(creditorId))
        {
            var configured = string.Join(", ", active.Keys.Order(StringComparer.Ordinal));
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
        var ownAccount = active[creditorId].Profile.BankAccount;
        await foreach (var caseSummary in cases.SummariesAsync(creditorId, cancellationToken))
        {
            run.WithCase.Add(caseSummary.DebtorId);
        }

        var snapshot = await snapshots.GetLatestSnapshotAsync(creditorId, cancellationToken);
        var index = await IndexAsync(run, snapshot, cancellationToken);

        // Pass 2: match and store, a batch at a time.
        var summary = new PaymentFileSummary();
        var group = options.Value.BatchSize * BatchesPerFlush;
        var batch = new List<BankTransaction>(group);
        await using (var content = await store.OpenUploadAsync(file, cancellationToken))
        {
            foreach (var transaction in PaymentFormats.Read(content, blobName, summary, options.Value.MaxAmount))
            {
                if (!transaction.IsIncomingPayment && !transaction.IsPaymentReversal)
                {
                    continue;
                }

                if (IsOtherAccount(transaction, ownAccount))
                {
                    run.OtherAccounts[transaction.Account!] = run.OtherAccounts.GetValueOrDefault(transaction.Account!) + 1;
                    continue;
                }

                batch.Add(transaction);
                if (batch.Count >= group)
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
            $"{summary.Format}: {run.Transactions} transaction(s); {run.Matched} placed ({run.MatchedAmount:0.00}), {run.Unmatched} not placed, {run.Duplicates} counted before, {run.Reversals} reversal(s), {summary.Skipped} entr(ies) not incoming payments; overpaid {run.Overpaid:0.00}.")
            + (run.OtherAccounts.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $" {run.OtherAccounts.Values.Sum()} incoming transaction(s) on other accounts than the creditor's {ownAccount} left alone ({string.Join(", ", run.OtherAccounts.Select(a => $"{a.Key}: {a.Value}"))})."));
        logger.LogInformation("Payment file {Blob} of {CreditorId} imported: {Message}", blobName, creditorId, message);
        return new PaymentImportOutcome(blobName, eTag, creditorId, PaymentImportResult.Accepted, message, now, summary.Format, run.Transactions, run.Matched, run.Unmatched, run.Duplicates, run.Reversals, summary.Skipped,
            run.MatchedAmount, run.Overpaid, run.Debtors.Count, null, [.. run.Lines.Take(50), .. summary.Warnings.Take(20).Select(w => "warning: " + w)]);
    }

    /// <summary>The creditor's invoices (paid ones included, for overpayments) less the bank payments already applied.</summary>
    private async Task<OpenItemIndex> IndexAsync(Run run, SnapshotInfo? snapshot, CancellationToken cancellationToken)
    {
        var creditorId = run.CreditorId;
        var index = new OpenItemIndex();
        if (snapshot is null)
        {
            return index;
        }

        var loaded = await store.GetAllocationsAsync(creditorId, null, cancellationToken);
        foreach (var allocation in loaded)
        {
            run.Applied.TryAdd(allocation.PaymentKey, []);
            run.Applied[allocation.PaymentKey].Add(allocation);
        }

        var applied = loaded
            .GroupBy(a => a.DebtorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        run.AppliedByDebtor = applied;
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
        var claims = new Dictionary<string, ClaimResult>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(options.Value.BatchSize))
        {
            foreach (var (claimed, result) in await store.ClaimAsync(run.CreditorId, run.Sha, chunk, cancellationToken))
            {
                claims[claimed] = result;
            }
        }

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
                await FlushAsync(run, payments, allocations, decided, index, cancellationToken);
                await ReverseAsync(run, transaction, key, index, cancellationToken);
                continue;
            }

            Undo(run, key, index);
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

        await FlushAsync(run, payments, allocations, decided, index, cancellationToken);
    }

    private async Task FlushAsync(Run run, List<StoredPayment> payments, List<ActiveAllocation> allocations, List<(BankTransaction Transaction, StoredPayment Payment)> decided, OpenItemIndex index, CancellationToken cancellationToken)
    {
        if (payments.Count == 0)
        {
            return;
        }

        // Everything a decision causes is stored first, idempotently (applied payments, tasks, evidence); the decisions
        // last: a crash before them leaves claims that a retry decides again, the same way (see Undo).
        await store.AddAllocationsAsync(allocations, cancellationToken);
        await RemoveStaleAsync(run, payments, allocations, cancellationToken);
        var toOpen = new List<NewTask>();
        foreach (var (transaction, payment) in decided)
        {
            if (payment.Rule == MatchRule.None)
            {
                run.Unmatched++;
                run.Note($"record {transaction.Record}: {Amount(transaction)} not placed: {payment.Reason}");
                toOpen.Add(TaskFor(run, transaction, payment, null));
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
                toOpen.Add(TaskFor(run, transaction, payment, index));
            }
        }

        // The batch's tasks (unplaced payments, overpayments): one table transaction, idempotent by key.
        if (toOpen.Count > 0)
        {
            await tasks.OpenManyAsync(run.CreditorId, toOpen, cancellationToken);
        }

        await ArchiveAsync(run, decided.Where(d => d.Payment.DebtorId is not null).ToList(), cancellationToken);
        await store.SavePaymentsAsync(payments, cancellationToken);
        payments.Clear();
        allocations.Clear();
        decided.Clear();
    }

    /// <summary>
    /// A claim this file made before and did not decide (a crash between storing a batch's applied payments and its
    /// decisions): what that try applied is taken out of the index, so the payment is decided again as if for the
    /// first time, not against its own earlier allocation. A new payment has nothing applied under its key.
    /// </summary>
    private static void Undo(Run run, string key, OpenItemIndex index)
    {
        if (!run.Applied.TryGetValue(key, out var mine) || run.AppliedByDebtor is null)
        {
            return;
        }

        foreach (var allocation in mine)
        {
            if (index.Find(allocation.DebtorId, allocation.InvoiceNumber) is not { } item || !run.AppliedByDebtor.TryGetValue(allocation.DebtorId, out var all))
            {
                continue;
            }

            var ofInvoice = all.Where(a => a.InvoiceNumber == allocation.InvoiceNumber).ToList();
            var before = OpenItemAdjustment.NotYetInLedger(ofInvoice.Select(Adjustment), item.RawOpen);
            var after = OpenItemAdjustment.NotYetInLedger(ofInvoice.Where(a => a.PaymentKey != key).Select(Adjustment), item.RawOpen);
            item.Open += before - after;
            all.RemoveAll(a => a.PaymentKey == key && a.InvoiceNumber == allocation.InvoiceNumber);
        }

        run.Applied.Remove(key);
        run.Stale.AddRange(mine);
    }

    /// <summary>Deletes what an undecided earlier try applied and this decision did not apply again (the same rows are replaced).</summary>
    private async Task RemoveStaleAsync(Run run, List<StoredPayment> payments, List<ActiveAllocation> allocations, CancellationToken cancellationToken)
    {
        if (run.Stale.Count == 0)
        {
            return;
        }

        var decidedKeys = payments.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var rewritten = allocations.Select(a => (a.DebtorId, a.InvoiceNumber, a.PaymentKey)).ToHashSet();
        foreach (var stale in run.Stale.Where(a => decidedKeys.Contains(a.PaymentKey)).ToList())
        {
            if (!rewritten.Contains((stale.DebtorId, stale.InvoiceNumber, stale.PaymentKey)))
            {
                await store.UpdateAllocationAsync(stale with { ETag = null }, remove: true, cancellationToken);
            }

            run.Stale.Remove(stale);
        }
    }

    private NewTask TaskFor(Run run, BankTransaction transaction, StoredPayment payment, OpenItemIndex? index)
    {
        if (payment.Rule == MatchRule.None)
        {
            return new NewTask(
                PaymentTaskKinds.UnplacedPayment,
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"Payment we could not place: {transaction.Amount:0.00} {transaction.Currency} from {transaction.PayerName ?? transaction.PayerAccount ?? "unknown payer"}"),
                Describe(run, transaction) + $" Why: {payment.Reason}. Find the invoice it pays and record it in the ledger, or refund it.",
                "payment-unplaced|" + run.CreditorId + "|" + payment.Key,
                new TaskFacts { Reason = TaskReasons.PaymentUnplaced, Grounds = [.. BankLine(transaction), "why:" + payment.Reason] });
        }

        // The facts from the index (the ledger as this import read it): the overpaid amount, the invoices it paid.
        var items = payment.Allocations.Select(a => index!.Find(a.DebtorId, a.InvoiceNumber)).OfType<OpenItem>().ToList();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var facts = new TaskFacts
        {
            Amount = payment.Overpayment,
            Currency = transaction.Currency,
            DaysOverdue = items.Count == 0 ? 0 : Math.Max(0, items.Max(i => today.DayNumber - i.DueDate.DayNumber)),
            Invoices = [.. payment.Allocations.Select(a => a.InvoiceNumber).Distinct(StringComparer.Ordinal)],
            Phone = items.FirstOrDefault()?.Phone ?? index!.OfDebtor(payment.DebtorId!).FirstOrDefault()?.Phone,
            Reason = TaskReasons.Overpaid,
            Grounds = [.. BankLine(transaction), "why:" + payment.Reason],
        };
        return new NewTask(
            PaymentTaskKinds.Overpayment,
            payment.DebtorId,
            null,
            string.Create(CultureInfo.InvariantCulture, $"Overpayment of {payment.Overpayment:0.00} {transaction.Currency} from {payment.DebtorId}"),
            Describe(run, transaction) + $" {payment.Reason}. Refund the difference or keep it as a credit in the ledger.",
            "payment-overpaid|" + run.CreditorId + "|" + payment.Key,
            facts);
    }

    private async Task ReverseAsync(Run run, BankTransaction reversal, string key, OpenItemIndex index, CancellationToken cancellationToken)
    {
        run.Reversals++;
        var candidates = await store.FindByAmountAsync(run.CreditorId, reversal.Amount, reversal.Currency, cancellationToken);

        // A payment this same reversal began to undo (a try that died half-way) is finished first; otherwise the latest
        // payment not reversed yet with the same KID, reference, payer account or text.
        var original = candidates.FirstOrDefault(p => p.Status == PaymentStates.Reversed && p.ReversedBy == key)
            ?? candidates
                .Where(p => p.Status is PaymentStates.Matched or PaymentStates.Unmatched)
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
                Describe(run, reversal) + $" Why: {reason}.", "payment-reversal|" + run.CreditorId + "|" + key, cancellationToken,
                new TaskFacts { Reason = TaskReasons.ReversalUnplaced, Grounds = BankLine(reversal) });
        }
        else
        {
            var applied = (await store.GetAllocationsAsync(run.CreditorId, original.DebtorId ?? "", cancellationToken)).Where(a => a.PaymentKey == original.Key).ToList();
            var inLedger = original.ReversedBy == key ? original.ReversedInLedger : original.Allocations.Sum(a => a.Amount) - applied.Sum(a => a.Amount);
            if (original.ReversedBy != key)
            {
                // The decision is stored before any applied amount is taken back, with what the ledger showed as paid
                // then: a crash from here on is finished by the retry the same way, not read as a second reversal.
                original = original with
                {
                    Status = PaymentStates.Reversed,
                    Reason = original.Reason + "; reversed by record " + reversal.Record.ToString(CultureInfo.InvariantCulture) + " of " + run.BlobName,
                    ReversedBy = key,
                    ReversedInLedger = inLedger,
                };
                await store.SavePaymentsAsync([original], cancellationToken);
            }

            foreach (var allocation in applied)
            {
                await store.UpdateAllocationAsync(allocation, remove: true, cancellationToken);
                if (index.Find(allocation.DebtorId, allocation.InvoiceNumber) is { } item)
                {
                    item.Open += allocation.Amount;
                }
            }

            reason = $"reverses the payment of record {original.Record} in {original.BlobName}";
            if (inLedger > 0m)
            {
                reason += string.Create(CultureInfo.InvariantCulture, $"; the ledger already shows {inLedger:0.00} of it as paid");
                await tasks.OpenAsync(run.CreditorId, PaymentTaskKinds.UnplacedReversal, original.DebtorId, null,
                    string.Create(CultureInfo.InvariantCulture, $"Reversed payment the ledger shows as paid: {reversal.Amount:0.00} {reversal.Currency} from {original.DebtorId}"),
                    Describe(run, reversal) + $" It {reason}. Reopen the invoice(s) {string.Join(", ", original.Allocations.Select(a => a.InvoiceNumber))} in the ledger.",
                    "payment-reversal|" + run.CreditorId + "|" + key, cancellationToken,
                    new TaskFacts
                    {
                        Reason = TaskReasons.ReversalInLedger,
                        Threshold = inLedger,
                        Grounds = [.. BankLine(reversal), "invoices:" + string.Join(",", original.Allocations.Select(a => a.InvoiceNumber).Distinct(StringComparer.Ordinal))],
                    });
            }

            if (original.DebtorId is { } debtorId)
            {
                run.Debtors.Add(debtorId);
            }
        }

        var stored = new StoredPayment(run.CreditorId, key, run.BlobName, run.Sha, reversal.Record, reversal.BankReference, reversal.Amount, reversal.Currency, reversal.BookingDate, reversal.Kid,
            reversal.CreditorReference, reversal.FreeText, reversal.PayerName, reversal.PayerAccount, true, MatchRule.None, original?.DebtorId, [], 0m, PaymentStates.Reversal, reason);
        if (original?.DebtorId is not null)
        {
            await ArchiveAsync(run, [(reversal, stored)], cancellationToken);
        }

        await store.SavePaymentsAsync([stored], cancellationToken);
        run.Note($"record {reversal.Record}: reversal of {Amount(reversal)}: {reason}");
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
                if (!run.WithCase.Contains(debtorId))
                {
                    return;
                }

                if (!run.CaseIds.TryGetValue(debtorId, out var caseId))
                {
                    caseId = (await cases.GetAsync(run.CreditorId, debtorId, token))?.CaseId;
                    run.CaseIds[debtorId] = caseId;
                }

                if (caseId is null)
                {
                    return;
                }

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

    /// <summary>The bank line as grounds a page words in the reader's language (<see cref="TaskReasons.PaymentUnplaced"/>).</summary>
    private static List<string> BankLine(BankTransaction t) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"paid:{t.Amount:0.00}|{t.Currency}"),
        "booked:" + t.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        .. new[] { ("payer", t.PayerName), ("account", t.PayerAccount), ("kid", t.Kid), ("ref", t.CreditorReference), ("text", t.FreeText) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => f.Item1 + ":" + f.Item2!.ReplaceLineEndings(" ")),
    ];

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

    /// <summary>
    /// Whether a statement's or report's transaction was booked on another account than the creditor's (a camt.053 of
    /// all the company's accounts: card refunds, interest and transfers on the operating or savings account are not
    /// customer payments and would each become a payment to place by hand). Only camt.052/053 are filtered, and only
    /// when both the file and the creditor name an account; a camt.054 notification and an OCR file are about the
    /// creditor's incoming payments by definition. Norwegian IBANs (NOkk + 11 digits) and BBANs compare by their 11 digits.
    /// </summary>
    public static bool IsOtherAccount(BankTransaction transaction, string? creditorAccount)
    {
        if (transaction.Account is not { Length: > 0 } booked || creditorAccount is not { Length: > 0 }
            || !(transaction.Format.StartsWith("camt.053", StringComparison.Ordinal) || transaction.Format.StartsWith("camt.052", StringComparison.Ordinal)))
        {
            return false;
        }

        var a = AccountDigits(booked);
        var b = AccountDigits(creditorAccount);
        return a != b;
    }

    private static string AccountDigits(string account)
    {
        var compact = new string([.. account.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        return compact.Length == 15 && compact.StartsWith("NO", StringComparison.Ordinal) ? compact[4..] : compact;
    }

    private sealed class Run(string creditorId, string blobName, string sha, string format)
    {
        /// <summary>Incoming transactions left alone per other account (<see cref="IsOtherAccount"/>).</summary>
        public Dictionary<string, int> OtherAccounts { get; } = new(StringComparer.Ordinal);

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

        /// <summary>The case of each debtor with one, read once per import (not once per batch).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, string?> CaseIds { get; } = new(StringComparer.Ordinal);

        /// <summary>Payments applied when the import began, by payment key (a key of this file among them: a retried claim).</summary>
        public Dictionary<string, List<ActiveAllocation>> Applied { get; } = new(StringComparer.Ordinal);

        /// <summary>The same, by debtor (what the index was built from).</summary>
        public Dictionary<string, List<ActiveAllocation>>? AppliedByDebtor { get; set; }

        /// <summary>What an undecided earlier try applied: deleted unless this try's decision applies it again.</summary>
        public List<ActiveAllocation> Stale { get; } = [];

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
