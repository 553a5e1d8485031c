using Receivables.Ledger;

namespace Receivables.Payments;

/// <summary>
/// The creditor's open invoices as a payment import sees them: the latest snapshot less the bank payments already
/// applied, looked up by KID and by invoice number. Open amounts fall as this import places payments.
/// </summary>
public sealed class OpenItemIndex
{
    private readonly Dictionary<string, OpenItem?> byKid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenItem?> byInvoice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenItem>> byDebtor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PaymentReference Reference, IReadOnlyList<OpenItem> Items)> byReference = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(DebtorLedger ledger, string snapshotId, IReadOnlyDictionary<string, decimal> rawOpen)
    {
        var items = new List<OpenItem>(ledger.Invoices.Count);
        foreach (var invoice in ledger.Invoices)
        {
            var item = new OpenItem(ledger.Debtor.DebtorId, ledger.Debtor.Name, invoice.InvoiceNumber, invoice.Kid, invoice.Currency, invoice.DueDate, invoice.OpenAmount, rawOpen.GetValueOrDefault(invoice.InvoiceNumber, invoice.OpenAmount), snapshotId, ledger.Debtor.Phone);
            items.Add(item);
            Count++;
            if (invoice.Kid is { Length: > 0 } kid)
            {
                byKid[kid] = byKid.ContainsKey(kid) ? null : item;
            }

            byInvoice[invoice.InvoiceNumber] = byInvoice.ContainsKey(invoice.InvoiceNumber) ? null : item;
        }

        byDebtor[ledger.Debtor.DebtorId] = items;
    }

    /// <summary>
    /// Adds a reference that stands for several of a debtor's invoices (a plan's KID), after the ledgers: its invoices in
    /// the order a payment covers them, oldest due date first. An invoice's own KID wins over it.
    /// </summary>
    public void AddReference(PaymentReference reference)
    {
        var items = OfDebtor(reference.DebtorId)
            .Where(i => reference.InvoiceNumbers.Contains(i.InvoiceNumber, StringComparer.Ordinal))
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .ToList();
        if (items.Count > 0 && !byKid.ContainsKey(reference.Kid))
        {
            byReference[reference.Kid] = (reference, items);
        }
    }

    /// <summary>The group of invoices a reference stands for, oldest first (null when the KID is not such a reference).</summary>
    public (PaymentReference Reference, IReadOnlyList<OpenItem> Items)? ByReference(string kid) =>
        byReference.TryGetValue(kid, out var found) ? found : null;

    /// <summary>The invoice with this KID (null when none or when two invoices share it).</summary>
    public OpenItem? ByKid(string kid) => byKid.GetValueOrDefault(kid) ?? (kid.TrimStart('0') is { Length: > 0 } trimmed && trimmed != kid ? byKid.GetValueOrDefault(trimmed) : null);

    public OpenItem? ByInvoice(string number) => byInvoice.GetValueOrDefault(number);

    public IReadOnlyList<OpenItem> OfDebtor(string debtorId) => byDebtor.GetValueOrDefault(debtorId) ?? [];

    public OpenItem? Find(string debtorId, string invoiceNumber) => OfDebtor(debtorId).FirstOrDefault(i => i.InvoiceNumber == invoiceNumber);
}
