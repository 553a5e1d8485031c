using System.Text;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

public sealed class LedgerInputTests
{
    private static readonly DateTimeOffset Taken = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
    private const string Good = "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,400.00,";

    [Fact]
    public async Task A_norwegian_export_in_windows_1252_with_decimal_commas_imports_with_names_intact()
    {
        await using var host = await TestHost.StartHostAsync();
        var bytes = await File.ReadAllBytesAsync(LedgerKit.SampleFile("norwegian-sample.csv"));
        bytes.ShouldContain((byte)0xF8, "the sample is Windows-1252 (ø = 0xF8), not UTF-8");

        var outcome = await LedgerKit.DropAsync(host, "acme/reskontro.csv", bytes, Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        var debtors = await LedgerKit.DebtorsAsync(host);
        debtors.ShouldContain(d => d.Debtor.Name == "Bjørn Åsheim" && d.Debtor.Type == Receivables.Common.CustomerType.Consumer);
        var ror = debtors.Single(d => d.Debtor.Name == "Sørlandets Rør og Varme AS");
        ror.Debtor.Type.ShouldBe(Receivables.Common.CustomerType.Business);
        ror.Invoices.ShouldContain(i => i.Amount == 127_500.50m && i.OpenAmount == 100_000m && i.DueDate == new DateOnly(2026, 11, 1));
    }

    public static TheoryData<string, string, string[]> BadFiles() => new()
    {
        { "missing header", "customer_id,customer_name\nD1,x\n", ["line 1"] },
        { "bad date", LedgerKit.Canonical(Good, "D2,Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-01,31.10.2026,NOK,500.00,500.00,"), ["line 3", "due_date", "31.10.2026"] },
        { "bad amount", LedgerKit.Canonical(Good, "D2,Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-01,2026-10-31,NOK,5OO.00,500.00,"), ["line 3", "amount", "5OO.00"] },
        { "open above amount", LedgerKit.Canonical(Good, "D2,Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-01,2026-10-31,NOK,500.00,900.00,"), ["line 3", "open_amount"] },
        { "duplicate invoice", LedgerKit.Canonical(Good, Good), ["line 3", "F-1"] },
        { "truncated", LedgerKit.Header + "\n" + Good + "\nD2,\"Kari Nord", ["line 3"] },
        { "zero bytes", "", ["empty"] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_rejected_with_a_report_naming_line_and_field_and_nothing_stored_changes(string why, string content, string[] expected)
    {
        await using var host = await TestHost.StartHostAsync();
        var accepted = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical(Good), Taken);
        var before = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D1");

        var outcome = await LedgerKit.DropAsync(host, "acme/bad.csv", Encoding.UTF8.GetBytes(content), Taken.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected, why);
        var report = await LedgerKit.ReportAsync(host, outcome);
        report.ShouldContain("acme/bad.csv");
        foreach (var fragment in expected)
        {
            report.ShouldContain(fragment, Case.Insensitive, $"{why}: report was\n{report}");
        }

        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(accepted.SnapshotId);
        var after = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D1");
        after!.Debtor.ShouldBe(before!.Debtor);
        after.Invoices.ShouldBe(before.Invoices);
    }
}
