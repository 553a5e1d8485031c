namespace Receivables.Ledger;

/// <summary>
/// Money received for an invoice that the latest snapshot may not show yet (a bank payment booked after the export was
/// taken). <see cref="BaseOpen"/> is the invoice's open amount in snapshot <see cref="BaseSnapshotId"/> when it was
/// applied; whatever the ledger's open amount has fallen below that since is taken to be these payments (see
/// <see cref="OpenItemAdjustment.Apply"/>).
/// </summary>
public sealed record OpenItemAdjustment(string InvoiceNumber, decimal Amount, decimal BaseOpen, string BaseSnapshotId, string Source)
{
    /// <summary>
    /// What of <paramref name="adjustments"/> (all for one invoice) the ledger does not show yet, given the invoice's
    /// open amount <paramref name="currentOpen"/> in the snapshot read now (0 when the invoice is gone from it). Per base
    /// snapshot: the ledger's fall since that base is credited to the payments first, so a payment the ledger already
    /// reflects is never subtracted twice.
    /// </summary>
    public static decimal NotYetInLedger(IEnumerable<OpenItemAdjustment> adjustments, decimal currentOpen) =>
        adjustments.GroupBy(a => (a.BaseSnapshotId, a.BaseOpen))
            .Sum(g => Math.Max(0m, g.Sum(a => a.Amount) - Math.Max(0m, g.Key.BaseOpen - currentOpen)));

    /// <summary>The creditor's adjustments from every source, merged by debtor: read once for many debtors (<see cref="ApplyFrom"/>).</summary>
    public static async Task<Dictionary<string, List<OpenItemAdjustment>>> ReadAllAsync(IEnumerable<IOpenItemAdjustments> sources, string creditorId, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, List<OpenItemAdjustment>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (debtorId, list) in await source.ForCreditorAsync(creditorId, cancellationToken))
            {
                (all.TryGetValue(debtorId, out var existing) ? existing : all[debtorId] = []).AddRange(list);
            }
        }

        return all;
    }

    /// <summary>The debtor's lines with its own of <paramref name="all"/> (as <see cref="ReadAllAsync"/> merged them) applied.</summary>
    public static DebtorLedger ApplyFrom(DebtorLedger debtor, IReadOnlyDictionary<string, List<OpenItemAdjustment>> all) =>
        all.TryGetValue(debtor.Debtor.DebtorId, out var list) ? Apply(debtor, list) : debtor;

    /// <summary>The debtor's lines less what is not yet in the ledger; invoices that this leaves paid are left out, as a ledger leaves out paid invoices.</summary>
    public static DebtorLedger Apply(DebtorLedger debtor, IReadOnlyList<OpenItemAdjustment> adjustments)
    {
        var byInvoice = adjustments.ToLookup(a => a.InvoiceNumber, StringComparer.Ordinal);
        var invoices = new List<OpenInvoice>(debtor.Invoices.Count);
        var changed = false;
        foreach (var invoice in debtor.Invoices)
        {
            var received = byInvoice.Contains(invoice.InvoiceNumber) && invoice.OpenAmount > 0m ? NotYetInLedger(byInvoice[invoice.InvoiceNumber], invoice.OpenAmount) : 0m;
            if (received <= 0m)
            {
                invoices.Add(invoice);
                continue;
            }

            changed = true;
            var open = Math.Max(0m, invoice.OpenAmount - received);
            if (open > 0m)
            {
                invoices.Add(invoice with { OpenAmount = open });
            }
        }

        return changed ? debtor with { Invoices = invoices } : debtor;
    }
}
