using System.Globalization;
using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Local.Bench;

/// <summary>
/// A generated ledger for <c>bench cycle</c>: N debtors with one to three invoices each, deterministic for a seed,
/// written as a canonical CSV that the bench imports through the real importer. <see cref="Change"/> alters a share of
/// the debtors (a payment or a new invoice) for the next file.
/// </summary>
public sealed class SyntheticLedger(string creditorId, int debtors, DateOnly around, int seed = 42)
{
    private readonly List<DebtorLedger> ledgers = Generate(creditorId, debtors, around, new Random(seed));

    public int InvoiceCount => ledgers.Sum(l => l.Invoices.Count);

    /// <summary>Changes <paramref name="share"/> of the debtors: every other one pays an invoice, the rest get a new one.</summary>
    public int Change(double share, DateOnly on, int seed = 7)
    {
        var random = new Random(seed);
        var count = Math.Max(1, (int)(ledgers.Count * share));
        var picked = Enumerable.Range(0, ledgers.Count).OrderBy(_ => random.Next()).Take(count).ToList();
        foreach (var (index, n) in picked.Select((index, n) => (index, n)))
        {
            var ledger = ledgers[index];
            var invoices = ledger.Invoices.ToList();
            if (n % 2 == 0 && invoices.Count > 0)
            {
                invoices.RemoveAt(0);
            }
            else
            {
                invoices.Add(Invoice(ledger.Debtor.DebtorId, invoices.Count + 1, on.AddDays(14), 500m + random.Next(0, 10_000)));
            }

            ledgers[index] = ledger with { Invoices = invoices };
        }

        return count;
    }

    public IEnumerable<DebtorLedger> All => ledgers;

    /// <summary>Writes the ledger as a canonical CSV, as an accounting system's export would be.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.Write("customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid\n");
        foreach (var ledger in ledgers)
        {
            var d = ledger.Debtor;
            var type = d.Type == CustomerType.Business ? "business" : "consumer";
            foreach (var i in ledger.Invoices)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{d.DebtorId},{d.Name},{d.Email},{type},{d.OrgNumber},{i.InvoiceNumber},{i.InvoiceDate:yyyy-MM-dd},{i.DueDate:yyyy-MM-dd},{i.Currency},{i.Amount:0.00},{i.OpenAmount:0.00},{i.Kid}\n"));
            }
        }
    }

    private static List<DebtorLedger> Generate(string creditorId, int count, DateOnly around, Random random)
    {
        var result = new List<DebtorLedger>(count);
        for (var i = 0; i < count; i++)
        {
            var id = "D" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var business = random.Next(3) == 0;
            var debtor = new Debtor(creditorId, id, (business ? "Firma " : "Kunde ") + id, id.ToLowerInvariant() + "@example.no", business ? CustomerType.Business : CustomerType.Consumer, business ? "9" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) : null);
            var invoices = Enumerable.Range(1, 1 + random.Next(3))
                .Select(n => Invoice(id, n, around.AddDays(random.Next(-75, 30)), 200m + random.Next(0, 20_000)))
                .ToList();
            result.Add(new DebtorLedger(debtor, invoices));
        }

        return result;
    }

    private static OpenInvoice Invoice(string debtorId, int n, DateOnly due, decimal amount) =>
        new($"{debtorId}-{n}", due.AddDays(-14), due, "NOK", amount, amount, null, "synthetic.csv", n);
}
