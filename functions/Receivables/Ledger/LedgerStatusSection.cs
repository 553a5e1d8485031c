using System.Globalization;
using System.Text.Json.Serialization;
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
    /// <summary>Whole days since the export was taken (never negative).</summary>
    public int? AgeDays => AgeHours is { } hours ? (int)(hours / 24) : null;

    /// <summary>Debtors with an email address in the latest snapshot (null when not counted, before this was stored).</summary>
    public int? DebtorsWithEmail { get; init; }

    /// <summary>Set when the export's time lies after the clock: by how many hours (the age then shows 0).</summary>
    public double? AheadOfClockHours { get; init; }

    [JsonIgnore]
    public string Key => "ledger";

    [JsonIgnore]
    public string Title => "Ledger";

    /// <summary>"0 days 2 h", "1 day 3 h", "12 days 0 h": days always shown, never negative.</summary>
    public static string AgeText(double hours)
    {
        var age = TimeSpan.FromHours(Math.Max(0, hours));
        var days = (int)age.TotalDays;
        return string.Create(CultureInfo.InvariantCulture, $"{days} {(days == 1 ? "day" : "days")} {age.Hours} h");
    }

    public void WriteText(TextWriter writer, string indent)
    {
        if (SnapshotId is null)
        {
            writer.WriteLine($"{indent}No snapshot accepted yet (upload a file: receivables import <file>).");
            return;
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Latest snapshot: {SourceFile} (taken {TakenAt:yyyy-MM-dd HH:mm}, accepted {AcceptedAt:yyyy-MM-dd HH:mm} UTC, {AgeText(AgeHours ?? 0)} old)"));
        if (AheadOfClockHours is { } ahead)
        {
            writer.WriteLine($"{indent}Warning: the export says it was taken {AgeText(ahead)} after this machine's clock; check the export's time stamp (takenat) or the clock.");
        }
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}Debtors: {Debtors}, open items: {OpenItems}"));
        if (DebtorsWithEmail == 0 && Debtors > 0)
        {
            writer.WriteLine($"{indent}Warning: no debtor in this ledger has an email address, so no reminder can be sent by email. Check the export's email column (a misnamed column is not read).");
        }
        foreach (var c in Currencies)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{indent}{c.Currency}: {c.OpenInvoices} open invoices {c.OpenAmount:N2}, overdue {c.OverdueInvoices} {c.OverdueAmount:N2}, credit notes {c.CreditNotes} {c.CreditAmount:N2}, balance {c.Balance:N2}"));
        }
    }
}
