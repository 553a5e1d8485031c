using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Common;
using Receivables.Status;

namespace Receivables.Ledger;

/// <summary>The ledger's part of the status: the latest snapshot, its age, and open/overdue items per currency.</summary>
public sealed record LedgerStatusSection(
    string? SnapshotId,
    string? SourceFile,
    DateTimeOffset? TakenAt,
    DateTimeOffset? AcceptedAt,
    double? AgeHours,
    int Debtors,
    int OpenItems,
    IReadOnlyList<CurrencyStatus> Currencies) : IStatusSection
{
    [JsonIgnore]
    public string Key => "ledger";

    [JsonIgnore]
    public string Title => "Ledger";

    public void WriteText(TextWriter writer, string indent)
    {
        if (SnapshotId is null)
        {
            writer.WriteLine($"{indent}No snapshot accepted yet (upload a file: receivables import <file>).");
            return;
        }

        var age = TimeSpan.FromHours(AgeHours ?? 0);
        var ageText = age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h" : $"{age.Hours} h {age.Minutes} min";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Latest snapshot: {SourceFile} (taken {TakenAt:yyyy-MM-dd HH:mm}, accepted {AcceptedAt:yyyy-MM-dd HH:mm} UTC, {ageText} old)"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Debtors: {Debtors}, open items: {OpenItems}"));
        foreach (var c in Currencies)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}{c.Currency}: {c.OpenInvoices} open invoices {c.OpenAmount:N2}, overdue {c.OverdueInvoices} {c.OverdueAmount:N2}, credit notes {c.CreditNotes} {c.CreditAmount:N2}, balance {c.Balance:N2}"));
        }
    }
}

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
        creditor.Add(new LedgerStatusSection(
            latest.SnapshotId,
            latest.SourceFile,
            latest.TakenAt,
            latest.AcceptedAt,
            Math.Round((clock.Now - latest.TakenAt).TotalHours, 1),
            latest.Debtors,
            latest.Invoices,
            summary.StatusAsOf(asOf).ToList()));
    }
}
