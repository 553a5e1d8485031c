using System.Runtime.CompilerServices;
using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Local.Bench;

/// <summary>
/// A generated ledger for <c>bench cycle</c>: N debtors with one to three invoices each, deterministic for a seed, served
/// from memory so that the figures count the dunning feature's own storage operations. <see cref="Change"/> alters a
/// share of the debtors (a payment or a new invoice) and makes a new snapshot.
/// </summary>
public sealed class SyntheticLedger(string creditorId, int debtors, DateOnly around, int seed = 42) : ILedgerReader
{
    private readonly List<DebtorLedger> ledgers = Generate(creditorId, debtors, around, new Random(seed));
    private int version = 1;

    public DateTimeOffset TakenAt { get; set; } = new(around.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);

    public long DebtorReads { get; private set; }

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

        version++;
        return count;
    }

    public IEnumerable<DebtorLedger> All => ledgers;

    public Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditor, CancellationToken cancellationToken = default) =>
        Task.FromResult<SnapshotInfo?>(creditor == creditorId
            ? new SnapshotInfo(creditorId, "bench-" + version, "synthetic.csv", TakenAt, TakenAt, ledgers.Count, InvoiceCount, "synthetic")
            : null);

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditor, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        if (creditor != creditorId)
        {
            yield break;
        }

        foreach (var ledger in ledgers)
        {
            DebtorReads++;
            yield return ledger;
        }
    }

    public Task<DebtorLedger?> GetDebtorAsync(string creditor, string debtorId, CancellationToken cancellationToken = default)
    {
        DebtorReads++;
        var index = ledgers.BinarySearch(new DebtorLedger(new Debtor(creditor, debtorId, "", null, CustomerType.Consumer, null), []), Comparer<DebtorLedger>.Create((a, b) => string.CompareOrdinal(a.Debtor.DebtorId, b.Debtor.DebtorId)));
        return Task.FromResult(index >= 0 ? ledgers[index] : null);
    }

    public async IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditor, string snapshotId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
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
