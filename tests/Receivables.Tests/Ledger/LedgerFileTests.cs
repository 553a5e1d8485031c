using System.Text;
using System.Text.Json;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>The Norwegian CSV profile, KID warnings, and every kind of bad file: rejected whole with a located report.</summary>
public sealed class LedgerFileTests
{
    private const string GoodRow1 = "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,";
    private const string GoodRow2 = "D2,Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-10,2026-10-24,NOK,500.00,500.00,";

    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-11-23T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    static LedgerFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string, string[]> BadFiles => new()
    {
        { "a header without the due_date column", LedgerKit.Header.Replace(",due_date", "", StringComparison.Ordinal) + "\n" + GoodRow1, ["line 1", "column 'due_date'"] },
        { "a header of unknown columns", "kunde,faktura,belop\nD1,F-1,1000.00\n", ["line 1", "value 'kunde,faktura,belop'", "a header row of a known profile"] },
        { "an unparseable date", LedgerKit.Canonical(GoodRow1, GoodRow2.Replace("2026-10-10", "2026-13-45", StringComparison.Ordinal)), ["line 3", "column 'invoice_date'", "value '2026-13-45'"] },
        { "an unparseable amount", LedgerKit.Canonical(GoodRow1, GoodRow2.Replace(",500.00,500.00,", ",5OO.00,500.00,", StringComparison.Ordinal)), ["line 3", "column 'amount'", "value '5OO.00'"] },
        { "an open amount above the amount", LedgerKit.Canonical(GoodRow1.Replace("1000.00,1000.00", "1000.00,1500.00", StringComparison.Ordinal), GoodRow2), ["line 2", "column 'open_amount'", "value '1500.00'"] },
        { "a duplicate invoice number", LedgerKit.Canonical(GoodRow1, GoodRow2, GoodRow1.Replace("1000.00,1000.00", "900.00,900.00", StringComparison.Ordinal)), ["line 4", "column 'invoice_number'", "value 'F-1'", "also on line 2"] },
        { "a header and no rows", LedgerKit.Header + "\n", ["no rows"] },
        { "a last line cut mid-field", LedgerKit.Header + "\n" + GoodRow1 + "\nD2,Kari Nordmann,kari@ex", ["line 3", "value 'D2,Kari Nordmann,kari@ex'", "truncated"] },
        { "an unbalanced quote", LedgerKit.Header + "\n" + GoodRow1 + "\nD2,\"Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-10,2026-10-24,NOK,500.00,500.00,\n", ["line 3"] },
        { "XML that is not SAF-T", "<?xml version=\"1.0\"?>\n<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"><ID>1</ID></Order>", ["line 2", "'Order'", "AuditFile"] },
        { "SAF-T cut off in the middle", "<?xml version=\"1.0\"?>\n<AuditFile xmlns=\"urn:StandardAuditFile-Taxation-Financial:NO\">\n<Header><DefaultCurrencyCode>NOK</DefaultCurrencyCode></Header>\n<MasterFiles><Customers><Customer><CustomerID>1", ["line 4", "well-formed XML"] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_rejected_with_a_report_naming_line_column_and_value_and_nothing_stored_changes(string problem, string content, string[] reportMentions)
    {
        await AssertRejectedAsync(problem, Encoding.UTF8.GetBytes(content), reportMentions);
    }

    [Fact]
    public async Task An_empty_0_byte_file_is_rejected_and_nothing_stored_changes()
    {
        await AssertRejectedAsync("0 bytes", [], ["empty (0 bytes)"]);
    }

    [Fact]
    public async Task A_file_in_an_unknown_encoding_is_rejected_and_nothing_stored_changes()
    {
        // 0x81 and 0x8D are neither valid UTF-8 here nor defined in Windows-1252.
        var bytes = Encoding.UTF8.GetBytes(LedgerKit.Header + "\n").Concat(new byte[] { (byte)'D', (byte)'3', (byte)',', 0x81, 0x8D, (byte)'\n' }).ToArray();
        await AssertRejectedAsync("bytes of no known encoding", bytes, ["0x81", "encoding is unknown"]);
        await AssertRejectedAsync("UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(LedgerKit.Canonical(GoodRow1))).ToArray(), ["UTF-16"]);
    }

    [Fact]
    public async Task A_Norwegian_export_in_Windows_1252_with_decimal_commas_and_dotted_dates_imports_with_names_intact()
    {
        var content = string.Join("\r\n",
            "Kundenr;Kundenavn;E-post;Kundetype;Organisasjonsnr;Fakturanr;Fakturadato;Forfallsdato;Valuta;Beløp;Restbeløp;KID",
            "30001;Bjørn Ødegård Æsøy;bjorn@example.no;Privat;;9001;14.08.2026;28.08.2026;NOK;3 450,75;1 200,50;12344",
            "30001;Bjørn Ødegård Æsøy;bjorn@example.no;Privat;;9002;01.09.2026;15.09.2026;NOK;-250,00;-250,00;",
            "30002;Håløygen Sjømat AS;post@haloygen.example;Bedrift;987 654 325;9003;02.10.2026;01.11.2026;;127 500,00;127 500,00;") + "\r\n";
        var bytes = Encoding.GetEncoding(1252).GetBytes(content);
        bytes.ShouldContain((byte)0xF8, "the file is Windows-1252: ø is one byte");
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/regnskap.csv", bytes);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message + string.Join("\n", outcome.FirstProblems ?? []));
        outcome.Format!.ShouldContain("norwegian");
        var reader = host.Get<ILedgerReader>();
        var bjorn = await reader.GetDebtorAsync(TestSettings.Creditor, "30001");
        bjorn!.Debtor.Name.ShouldBe("Bjørn Ødegård Æsøy");
        bjorn.Debtor.Type.ShouldBe(CustomerType.Consumer);
        bjorn.Invoices.Select(i => (i.InvoiceNumber, i.InvoiceDate, i.DueDate, i.Amount, i.OpenAmount, i.Kid)).ShouldBe(
        [
            ("9001", new DateOnly(2026, 8, 14), new DateOnly(2026, 8, 28), 3450.75m, 1200.50m, "12344"),
            ("9002", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 15), -250m, -250m, null),
        ]);
        var haloygen = await reader.GetDebtorAsync(TestSettings.Creditor, "30002");
        haloygen!.Debtor.Name.ShouldBe("Håløygen Sjømat AS");
        haloygen.Debtor.Type.ShouldBe(CustomerType.Business);
        haloygen.Debtor.OrgNumber.ShouldBe("987654325");
        haloygen.Invoices.Single().Currency.ShouldBe("NOK", "an empty Valuta is the profile's default currency");
        haloygen.Invoices.Single().Amount.ShouldBe(127500m);
    }

    [Fact]
    public async Task The_shipped_Norwegian_sample_imports_with_its_names_decoded()
    {
        var bytes = await File.ReadAllBytesAsync(LedgerKit.SampleFile("norwegian-sample.csv"));
        var text = Encoding.GetEncoding(1252).GetString(bytes);
        var firstRow = text.Split('\n')[1].Split(';');
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/norwegian-sample.csv", bytes);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message + string.Join("\n", outcome.FirstProblems ?? []));
        var debtor = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, firstRow[0]);
        debtor!.Debtor.Name.ShouldBe(firstRow[1]);
        debtor.Debtor.Name.ShouldContain('ø');
    }

    [Theory]
    [InlineData("12344", true)] // "1234" with its MOD10 check digit
    [InlineData("12343", true)] // "1234" with its MOD11 check digit
    [InlineData("6-", true)] // "6": MOD11 remainder 10 is written '-'
    [InlineData("12345", false)]
    [InlineData("60", false)]
    public void A_KID_is_valid_when_its_last_digit_is_a_MOD10_or_MOD11_check_digit(string kid, bool valid)
    {
        Kid.IsValid(kid).ShouldBe(valid);
    }

    [Fact]
    public void The_check_digits_of_the_law_examples_are_computed()
    {
        Kid.Mod10("1234").ShouldBe(4);
        Kid.Mod11("1234").ShouldBe('3');
        Kid.Mod11("6").ShouldBe('-');
    }

    [Fact]
    public async Task A_KID_with_a_wrong_check_digit_is_a_warning_and_the_invoice_is_still_imported()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/kid.csv", LedgerKit.Canonical(GoodRow1.TrimEnd(',') + ",12345", GoodRow2.TrimEnd(',') + ",12344"));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        outcome.Warnings.ShouldBe(1);
        outcome.FirstProblems!.ShouldHaveSingleItem().ShouldContain("line 2, column 'kid', value '12345'");
        var invoice = (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D1"))!.Invoices.Single();
        invoice.Kid.ShouldBe("12345", "the KID is kept as given");
    }

    private static async Task AssertRejectedAsync(string problem, byte[] content, string[] reportMentions)
    {
        await using var host = await TestHost.StartHostAsync();
        var accepted = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical(GoodRow1, GoodRow2), Monday);
        accepted.Result.ShouldBe(LedgerUploadResult.Accepted, accepted.Message);
        var before = await StateAsync(host);

        var outcome = await LedgerKit.DropAsync(host, "acme/bad.file", content, Monday.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected, problem);
        outcome.ReportBlob.ShouldBe("acme/rejected/bad.file.errors.txt");
        var report = await LedgerKit.ReportAsync(host, outcome);
        report.ShouldContain("acme/bad.file");
        foreach (var mention in reportMentions)
        {
            report.ShouldContain(mention, Case.Sensitive, $"{problem}: the report should mention {mention}:\n{report}");
        }

        (await StateAsync(host)).ShouldBe(before, problem);
    }

    private static async Task<string> StateAsync(LocalHost host)
    {
        var reader = host.Get<ILedgerReader>();
        var latest = await reader.GetLatestSnapshotAsync(TestSettings.Creditor);
        var d1 = await reader.GetDebtorAsync(TestSettings.Creditor, "D1");
        var d2 = await reader.GetDebtorAsync(TestSettings.Creditor, "D2");
        latest.ShouldNotBeNull();
        return JsonSerializer.Serialize(new { latest.SnapshotId, latest.Invoices, d1, d2, Blobs = await LedgerKit.SnapshotBlobsAsync(host) });
    }
}
