using System.Globalization;
using Receivables.Dunning;
using Receivables.Ledger;

namespace Receivables.Portfolio;

/// <summary>
/// Builds a creditor's <see cref="PortfolioIndex"/> from the latest ledger and the cases' summaries: pure rules, no
/// storage. Aging counts days past the due date on <see cref="PortfolioIndex.AsOf"/>; DSO uses the countback method
/// against the invoiced amounts per month.
/// </summary>
public sealed class PortfolioBuilder(string creditorId, DateOnly asOf, PortfolioIndex? previous)
{
    private readonly List<PortfolioDebtor> debtors = [];
    private readonly Dictionary<string, (decimal Open, decimal Overdue, int Debtors, decimal[] Buckets)> currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Stage, string Currency), (int Debtors, decimal Open)> stages = [];
    private readonly Dictionary<string, decimal> firstInvoiced = new(StringComparer.Ordinal);

    /// <summary>Adds one debtor of the ledger with its case (null: no case yet).</summary>
    public void Add(DebtorLedger ledger, CaseSummary? summary) =>
        Add(ledger, summary is null ? PortfolioStages.Current : PortfolioStages.Of(summary.Stage, summary.PauseReason), summary?.NextAction);

    /// <summary>Adds one debtor of the ledger with its stage as the workspace shows it (<see cref="PortfolioStages"/>) and next action.</summary>
    public void Add(DebtorLedger ledger, string stage, DateOnly? nextAction)
    {
        var open = 0m;
        var overdue = 0m;
        var days = 0;
        var count = 0;
        var currency = ledger.Invoices.FirstOrDefault()?.Currency ?? "NOK";
        foreach (var invoice in ledger.Invoices)
        {
            var pastDue = asOf.DayNumber - invoice.DueDate.DayNumber;
            var totals = currencies.TryGetValue(invoice.Currency, out var t) ? t : (Open: 0m, Overdue: 0m, Debtors: 0, Buckets: new decimal[PortfolioStages.Buckets.Count]);
            totals.Buckets[PortfolioStages.BucketOf(pastDue)] += invoice.OpenAmount;
            totals.Open += invoice.OpenAmount;
            if (pastDue > 0 && invoice.OpenAmount > 0m)
            {
                totals.Overdue += invoice.OpenAmount;
            }

            currencies[invoice.Currency] = totals;
            if (invoice.Currency == currency)
            {
                open += invoice.OpenAmount;
                if (pastDue > 0 && invoice.OpenAmount > 0m)
                {
                    overdue += invoice.OpenAmount;
                    days = Math.Max(days, pastDue);
                }
            }

            if (invoice.OpenAmount != 0m)
            {
                count++;
            }

            if (invoice.Amount > 0m)
            {
                var key = MonthKey(invoice.InvoiceDate, invoice.Currency);
                firstInvoiced[key] = firstInvoiced.GetValueOrDefault(key) + invoice.Amount;
            }
        }

        if (currencies.TryGetValue(currency, out var own))
        {
            currencies[currency] = (own.Open, own.Overdue, own.Debtors + 1, own.Buckets);
        }

        var stageTotal = stages.GetValueOrDefault((stage, currency));
        stages[(stage, currency)] = (stageTotal.Debtors + 1, stageTotal.Open + open);
        var debtor = ledger.Debtor;
        debtors.Add(new PortfolioDebtor(
            debtor.DebtorId, debtor.Name, debtor.Email, debtor.OrgNumber, debtor.Phone, debtor.Type == Common.CustomerType.Business,
            currency, open, overdue, days, count, string.Join(' ', ledger.Invoices.Select(i => i.InvoiceNumber)), stage, nextAction));
    }

    /// <summary>
    /// The finished index. <paramref name="snapshot"/> and <paramref name="changes"/> (of that snapshot) are counted
    /// into sales and payments once; <paramref name="sentOn"/> gives reminders sent per day seen by this run.
    /// </summary>
    public PortfolioIndex Build(SnapshotInfo? snapshot, IReadOnlyList<LedgerChange> changes, DateOnly snapshotDate, IReadOnlyDictionary<DateOnly, int> sentOn, DateTimeOffset now)
    {
        var index = new PortfolioIndex
        {
            CreditorId = creditorId,
            BuiltAt = now,
            AsOf = asOf,
            SnapshotId = snapshot?.SnapshotId,
            LedgerTakenAt = snapshot?.TakenAt,
            Debtors = [.. debtors.OrderByDescending(d => d.Overdue).ThenByDescending(d => d.Open).ThenBy(d => d.Id, StringComparer.Ordinal)],
            InvoicedByMonth = previous?.InvoicedByMonth is { Count: > 0 } invoiced ? new(invoiced, StringComparer.Ordinal) : new(firstInvoiced, StringComparer.Ordinal),
            SentByDay = new(previous?.SentByDay ?? [], StringComparer.Ordinal),
            PaidByDay = new(previous?.PaidByDay ?? [], StringComparer.Ordinal),
            CountedSnapshots = [.. previous?.CountedSnapshots ?? []],
            Journaled = true,
        };

        if (snapshot is not null && !index.CountedSnapshots.Contains(snapshot.SnapshotId))
        {
            var firstCount = previous?.InvoicedByMonth is not { Count: > 0 };
            foreach (var change in changes)
            {
                if (change.Kind == LedgerChangeKind.InvoiceAdded && !firstCount && change.NewOpen > 0m)
                {
                    // The ledger holds open items only: a new invoice's open amount is what was invoiced.
                    var key = MonthKey(snapshotDate, change.Currency);
                    index.InvoicedByMonth[key] = index.InvoicedByMonth.GetValueOrDefault(key) + change.NewOpen;
                }
                else if (change.Kind is LedgerChangeKind.Paid or LedgerChangeKind.PartiallyPaid && change.Paid > 0m)
                {
                    var key = DayKey(snapshotDate) + "|" + change.Currency;
                    index.PaidByDay[key] = index.PaidByDay.GetValueOrDefault(key) + change.Paid;
                }
            }

            index.CountedSnapshots.Add(snapshot.SnapshotId);
            if (index.CountedSnapshots.Count > 50)
            {
                index.CountedSnapshots.RemoveRange(0, index.CountedSnapshots.Count - 50);
            }
        }

        foreach (var (day, count) in sentOn)
        {
            // A repeated run tells the same steps again: the larger count of a day stands.
            var key = DayKey(day);
            index.SentByDay[key] = Math.Max(index.SentByDay.GetValueOrDefault(key), count);
        }

        var oldest = DayKey(asOf.AddDays(-120));
        Trim(index.SentByDay, oldest);
        Trim(index.PaidByDay, oldest);

        index.Currencies = [.. currencies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
            new CurrencyTotals(c.Key, c.Value.Open, c.Value.Overdue, c.Value.Debtors, c.Value.Buckets, Dso(index.InvoicedByMonth, c.Key, c.Value.Open, asOf)))];
        index.Stages = [.. stages
            .OrderBy(s => PortfolioStages.Ordered.ToList().IndexOf(s.Key.Stage)).ThenBy(s => s.Key.Currency, StringComparer.Ordinal)
            .Select(s => new StageTotal(s.Key.Stage, s.Key.Currency, s.Value.Debtors, s.Value.Open))];
        return index;
    }

    /// <summary>
    /// Days sales outstanding by countback: the open balance is matched against the sales of this month, then the
    /// month before, and so on; each fully covered month counts its days, the last one the covered share.
    /// </summary>
    public static decimal? Dso(IReadOnlyDictionary<string, decimal> invoicedByMonth, string currency, decimal open, DateOnly asOf)
    {
        if (open <= 0m)
        {
            return open == 0m ? 0m : null;
        }

        var remaining = open;
        var days = 0m;
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        for (var i = 0; i < 24; i++)
        {
            var daysInMonth = i == 0 ? asOf.Day : DateTime.DaysInMonth(month.Year, month.Month);
            var sales = invoicedByMonth.GetValueOrDefault(MonthKey(month, currency));
            if (sales > 0m && remaining <= sales)
            {
                return Math.Round(days + remaining / sales * daysInMonth, 1);
            }

            remaining -= Math.Max(0m, sales);
            days += daysInMonth;
            month = month.AddMonths(-1);
        }

        return null;
    }

    public static string MonthKey(DateOnly date, string currency) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "|" + currency;

    public static string DayKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Trim(Dictionary<string, int> byDay, string oldest)
    {
        foreach (var key in byDay.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList())
        {
            byDay.Remove(key);
        }
    }

    private static void Trim(Dictionary<string, decimal> byDay, string oldest)
    {
        foreach (var key in byDay.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList())
        {
            byDay.Remove(key);
        }
    }
}
