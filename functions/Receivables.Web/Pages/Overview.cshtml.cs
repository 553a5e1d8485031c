using System.Globalization;
using Receivables.Portfolio;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages;

/// <summary>Overview: ledger freshness first, then amounts per currency, aging, DSO, stages and the weekly activity.</summary>
public sealed class OverviewModel(WorkspaceQueries queries) : WorkspacePage
{
    public string CreditorId { get; private set; } = "";

    public PortfolioIndex Index { get; private set; } = new();

    public bool Stale { get; private set; }

    public string? StaleReason { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Creditors { get; private set; } = [];

    public TimeZoneInfo Zone => queries.Zone;

    /// <summary>The last eight weeks (Monday first): reminders sent and payments per currency.</summary>
    public IReadOnlyList<(DateOnly Monday, int Sent, decimal Paid)> Weeks { get; private set; } = [];

    public string Currency { get; private set; } = "NOK";

    public async Task OnGetAsync(string? c, CancellationToken cancellationToken)
    {
        Creditors = await queries.CreditorsAsync(cancellationToken);
        CreditorId = WorkspaceQueries.CreditorOrFirst(Creditors, c);
        Index = await queries.PortfolioAsync(CreditorId, cancellationToken);
        (Stale, StaleReason) = await queries.StalenessAsync(CreditorId, cancellationToken);
        Currency = Index.Currencies.OrderByDescending(x => x.Open).FirstOrDefault()?.Currency ?? "NOK";
        var today = queries.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = new List<(DateOnly, int, decimal)>();
        for (var w = 7; w >= 0; w--)
        {
            var start = monday.AddDays(-7 * w);
            var sent = 0;
            var paid = 0m;
            for (var d = 0; d < 7; d++)
            {
                var key = start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                sent += Index.SentByDay.GetValueOrDefault(key);
                paid += Index.PaidByDay.GetValueOrDefault(key + "|" + Currency);
            }

            weeks.Add((start, sent, paid));
        }

        Weeks = weeks;
    }
}
