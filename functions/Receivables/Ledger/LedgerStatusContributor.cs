using Receivables.Common;
using Receivables.Status;

namespace Receivables.Ledger;

public sealed class LedgerStatusContributor(LedgerReader reader, BusinessClock clock) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var latest = await reader.GetLatestSnapshotAsync(creditor.CreditorId, cancellationToken);
        if (latest is null)
        {
            creditor.Add(new LedgerStatusSection(null, null, null, null, null, 0, 0, []));
            return;
        }

        var summary = await reader.GetSummaryAsync(creditor.CreditorId, latest.SnapshotId, cancellationToken) ?? new LedgerSummary();
        var hours = Math.Round((clock.Now - latest.TakenAt).TotalHours, 1);
        creditor.Add(new LedgerStatusSection(
            latest.SnapshotId,
            latest.SourceFile,
            latest.TakenAt,
            latest.AcceptedAt,
            Math.Max(0, hours),
            latest.Debtors,
            latest.Invoices,
            summary.StatusAsOf(asOf).ToList())
        { AheadOfClockHours = hours < 0 ? -hours : null, DebtorsWithEmail = summary.DebtorsWithEmail });
    }
}
