using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Portfolio;

namespace Receivables.Tests.Portfolio;

/// <summary>What the overview shows: aging buckets, overdue amounts, stages and DSO by countback.</summary>
public sealed class PortfolioBuilderTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);

    private static DebtorLedger Debtor(string id, params (string Number, int DaysPastDue, decimal Open)[] invoices) => new(
        new Receivables.Ledger.Debtor("acme", id, "Debtor " + id, id + "@example.no", CustomerType.Business, null),
        [.. invoices.Select(i => new OpenInvoice(i.Number, AsOf.AddDays(-i.DaysPastDue - 14), AsOf.AddDays(-i.DaysPastDue), "NOK", i.Open, i.Open, null, "f.csv", 1))]);

    [Fact]
    public void Open_amounts_fall_into_the_aging_bucket_of_their_days_past_due()
    {
        var builder = new PortfolioBuilder("acme", AsOf, null);
        builder.Add(Debtor("A", ("1", -5, 100m), ("2", 1, 200m), ("3", 30, 300m)), null);
        builder.Add(Debtor("B", ("4", 31, 400m), ("5", 60, 500m), ("6", 61, 600m), ("7", 90, 700m), ("8", 91, 800m)), new CaseSummary("B", CaseStages.CollectionNotice, null, null, false, false));

        var index = builder.Build(null, [], AsOf, new Dictionary<DateOnly, int>(), DateTimeOffset.UnixEpoch);

        var nok = index.Currencies.Single();
        nok.Buckets.ShouldBe([100m, 500m, 900m, 1300m, 800m]);
        nok.Open.ShouldBe(3600m);
        nok.Overdue.ShouldBe(3500m);
        index.Debtors[0].Id.ShouldBe("B");
        index.Debtors[0].DaysOverdue.ShouldBe(91);
        index.Stages.Single(s => s.Stage == PortfolioStages.CollectionNotice).Open.ShouldBe(3000m);
        index.Stages.Single(s => s.Stage == PortfolioStages.Current).Debtors.ShouldBe(1);
    }

    [Fact]
    public void A_paused_case_is_shown_by_why_it_is_paused()
    {
        PortfolioStages.Of(CaseStages.Reminder, PauseReason.Dispute).ShouldBe(PortfolioStages.Disputed);
        PortfolioStages.Of(CaseStages.CollectionNotice, PauseReason.PlanInForce).ShouldBe(PortfolioStages.Plan);
        PortfolioStages.Of(CaseStages.Friendly, PauseReason.Manual).ShouldBe(PortfolioStages.OnHold);
        PortfolioStages.Of(CaseStages.Friendly, null).ShouldBe(PortfolioStages.Friendly);
    }

    [Fact]
    public void Dso_counts_back_through_the_months_sales()
    {
        // March (31 days so far) sold 1 000, February 2 000: 2 500 open covers March and three quarters of February (28 days).
        var sales = new Dictionary<string, decimal> { ["2026-03|NOK"] = 1000m, ["2026-02|NOK"] = 2000m };
        PortfolioBuilder.Dso(sales, "NOK", 2500m, AsOf).ShouldBe(52.0m);
        PortfolioBuilder.Dso(sales, "NOK", 500m, AsOf).ShouldBe(15.5m);
        PortfolioBuilder.Dso(sales, "NOK", 0m, AsOf).ShouldBe(0m);
    }

    [Fact]
    public void Payments_of_a_snapshot_are_counted_once_however_often_the_index_is_rebuilt()
    {
        var snapshot = new SnapshotInfo("acme", "S1", "f.csv", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, 1, "x");
        LedgerChange[] changes = [new(LedgerChangeKind.PartiallyPaid, "acme", "A", "1", "NOK", 1000m, 400m, "f.csv", 2, "S1")];
        PortfolioIndex? index = null;
        for (var i = 0; i < 3; i++)
        {
            var builder = new PortfolioBuilder("acme", AsOf, index);
            builder.Add(Debtor("A", ("1", 10, 400m)), null);
            index = builder.Build(snapshot, changes, AsOf, new Dictionary<DateOnly, int> { [AsOf] = 2 }, DateTimeOffset.UnixEpoch);
        }

        index!.PaidByDay["2026-03-31|NOK"].ShouldBe(600m);
        index.SentByDay["2026-03-31"].ShouldBe(2);
    }
}
