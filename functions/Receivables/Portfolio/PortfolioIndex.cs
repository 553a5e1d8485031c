namespace Receivables.Portfolio;

/// <summary>
/// What the workspace's lists and overview read for one creditor, kept up to date when a ledger is accepted and after
/// each dunning run, so that no page reads every case: one row per debtor with its open and overdue amounts and stage,
/// the totals per currency with aging buckets, and what was sent and paid per day.
/// </summary>
public sealed class PortfolioIndex
{
    public string CreditorId { get; set; } = "";

    public DateTimeOffset BuiltAt { get; set; }

    /// <summary>The business date the amounts were aged on.</summary>
    public DateOnly AsOf { get; set; }

    public string? SnapshotId { get; set; }

    public DateTimeOffset? LedgerTakenAt { get; set; }

    public List<PortfolioDebtor> Debtors { get; set; } = [];

    public List<CurrencyTotals> Currencies { get; set; } = [];

    public List<StageTotal> Stages { get; set; } = [];

    /// <summary>Invoiced amounts per month and currency (<c>yyyy-MM|NOK</c>): the sales that DSO counts back against.</summary>
    public Dictionary<string, decimal> InvoicedByMonth { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reminders sent per day (<c>yyyy-MM-dd</c>).</summary>
    public Dictionary<string, int> SentByDay { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Payments seen in ledger changes per day and currency (<c>yyyy-MM-dd|NOK</c>).</summary>
    public Dictionary<string, decimal> PaidByDay { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Built by a version whose every case save keeps the cases' journal: a later rebuild on the same snapshot may take
    /// the stages from this index and the journal instead of reading every case.
    /// </summary>
    public bool Journaled { get; set; }

    /// <summary>Snapshots whose changes are already counted in <see cref="InvoicedByMonth"/> and <see cref="PaidByDay"/> (most recent last).</summary>
    public List<string> CountedSnapshots { get; set; } = [];
}
