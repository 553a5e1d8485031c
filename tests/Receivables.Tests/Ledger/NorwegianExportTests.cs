using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>
/// Customer ledger exports as Norwegian accounting systems write them — their own column names, tabs or semicolons, a
/// report title above the header and a totals row below the data, amounts as <c>kr 1 234,50</c> or <c>1.234,50</c>,
/// dates from a spreadsheet with a time of day — are recognised without a configured profile, and every row reads as
/// the invoice it describes. Each export here is rendered from the same list of invoices, so what is checked is that
/// the file says what the invoices are, not a copy of the parser's output.
/// </summary>
public sealed class NorwegianExportTests
{
    static NorwegianExportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private sealed record Invoice(string Debtor, string Name, string Email, string Number, DateOnly Issued, DateOnly Due, decimal Amount, decimal Open);

    private static readonly Invoice[] Invoices =
    [
        new("10001", "Fjellheim Bygg AS", "post@fjellheim.example", "20455", new(2026, 9, 1), new(2026, 9, 15), 127_500.50m, 100_000m),
        new("10001", "Fjellheim Bygg AS", "post@fjellheim.example", "20511", new(2026, 10, 3), new(2026, 10, 17), 980m, 980m),
        new("10002", "Bjørn Åsheim", "bjorn@example.no", "20498", new(2026, 9, 20), new(2026, 10, 4), 1_250.75m, 0.75m),
        new("10007", "Sørlandets Rør og Varme AS", "faktura@sorror.example", "20530", new(2026, 10, 10), new(2026, 11, 9), 2_000_000m, 1_999_999.99m),
        new("10009", "Kari Nordmann", "kari@example.no", "K-20544", new(2026, 11, 1), new(2026, 11, 15), -500m, -500m),
    ];

    private static string Nb(decimal amount, string group = " ") =>
        amount.ToString("#,##0.00", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = group, NegativeSign = "-" });

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>One export style: its header, how it writes an invoice, and what it puts above and below the rows.</summary>
    public sealed record Export(string System, string Header, string Delimiter, Func<object, string> Row, string[]? Before = null, string[]? After = null)
    {
        public override string ToString() => System;
    }

    private static Export Style(string system, string header, string delimiter, Func<Invoice, string[]> row, string[]? before = null, string[]? after = null) =>
        new(system, header, delimiter, i => string.Join(delimiter, row((Invoice)i)), before, after);

    public static TheoryData<Export> Exports()
    {
        var data = new TheoryData<Export>();
        foreach (var export in All)
        {
            data.Add(export);
        }

        return data;
    }

    private static readonly Export[] All =
    [
        // Open items report: invoice first, paid and credited columns, the balance as "Saldo".
        Style("invoice report with Saldo", "Fakturanummer;Fakturadato;Forfallsdato;Betalingsdato;Kundenummer;Kundenavn;Fakturabeløp;Kreditert;Innbetalt;Saldo", ";",
            i => [i.Number, Date(i.Issued), Date(i.Due), "", i.Debtor, i.Name, Nb(i.Amount), "0,00", Nb(i.Amount - i.Open), Nb(i.Open)]),
        // Customer ledger with long column names, e-mail and organisation number, "Utestående", KID column empty.
        Style("customer ledger with Utestående", "Kundenummer;Kundenavn;Kundens e-postadresse;Organisasjonsnummer;Fakturanummer;Fakturadato;Forfallsdato;Valuta;Beløp;Utestående;KID-nummer", ";",
            i => [i.Debtor, i.Name, i.Email, i.Name.EndsWith(" AS", StringComparison.Ordinal) ? "912 345 688" : "", i.Number, Date(i.Issued), Date(i.Due), "NOK", Nb(i.Amount), Nb(i.Open), ""]),
        // Tab separated, abbreviated names with dots, "Rest", dots between thousands.
        Style("tab separated with Kundenr. and Rest", "Kundenr.\tNavn\tE-post\tFaktura nr.\tDato\tForfall\tBeløp\tRest", "\t",
            i => [i.Debtor, i.Name, i.Email, i.Number, Date(i.Issued), Date(i.Due), Nb(i.Amount, "."), Nb(i.Open, ".")]),
        // A report: title and date lines above the header, amounts with "kr", a totals row and a blank row below.
        Style("report with title, kr and totals", "Kunde nr;Kunde;Fakturanr;Fakturadato;Forfallsdato;Beløp;Gjenstående", ";",
            i => [i.Debtor, i.Name, i.Number, Date(i.Issued), Date(i.Due), "kr " + Nb(i.Amount), "kr " + Nb(i.Open)],
            before: ["Åpne poster kunder;;;;;;", "Utskrevet 02.12.2026 kl. 07:15;;;;;;", ";;;;;;"],
            after: [";;;;;;", "Sum;;;;;kr " + Nb(Invoices.Sum(i => i.Amount)) + ";kr " + Nb(Invoices.Sum(i => i.Open))]),
        // Saved from a spreadsheet: dates with a time of day, negative amounts in brackets, quoted amounts with commas.
        Style("spreadsheet with times and brackets", "Kundenummer,Kundenavn,Fakturanummer,Fakturadato,Forfallsdato,Fakturabeløp,Åpent beløp (NOK)", ",",
            i => [i.Debtor, i.Name, i.Number, Date(i.Issued) + " 00:00:00", Date(i.Due) + " 00:00:00", Quoted(Brackets(i.Amount)), Quoted(Brackets(i.Open))]),
    ];

    private static string Brackets(decimal amount) => amount < 0 ? "(" + Nb(-amount) + ")" : Nb(amount);

    private static string Quoted(string value) => "\"" + value + "\"";

    private static byte[] Render(Export export, Encoding encoding)
    {
        var lines = new List<string>();
        lines.AddRange(export.Before ?? []);
        lines.Add(export.Header);
        lines.AddRange(Invoices.Select(i => export.Row(i)));
        lines.AddRange(export.After ?? []);
        return encoding.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    private static (LedgerFileFormat? Format, List<LedgerRow> Rows, LedgerDiagnostics Diagnostics) Read(byte[] bytes, string blobName = "acme/export.csv")
    {
        var diagnostics = new LedgerDiagnostics();
        var format = new LedgerFormats(Options.Create(new LedgerOptions())).Detect(blobName, bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), diagnostics);
        var rows = format is null ? [] : format.Read(new MemoryStream(bytes), diagnostics).ToList();
        return (format, rows, diagnostics);
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void An_export_of_a_norwegian_accounting_system_reads_as_the_invoices_it_lists(Export export)
    {
        var (format, rows, diagnostics) = Read(Render(export, Encoding.GetEncoding(1252)));

        diagnostics.Errors.ShouldBeEmpty(string.Join("\n", diagnostics.Errors));
        format.ShouldNotBeNull().Description.ShouldContain("profile 'norwegian'");
        rows.Count.ShouldBe(Invoices.Length);
        foreach (var (row, invoice) in rows.Zip(Invoices))
        {
            (row.DebtorId, row.Name, row.InvoiceNumber).ShouldBe((invoice.Debtor, invoice.Name, invoice.Number));
            (row.InvoiceDate, row.DueDate).ShouldBe((invoice.Issued, invoice.Due), invoice.Number);
            (row.Amount, row.OpenAmount).ShouldBe((invoice.Amount, invoice.Open), invoice.Number);
            row.Currency.ShouldBe("NOK");
        }

        if (export.Header.Contains("e-post", StringComparison.OrdinalIgnoreCase))
        {
            rows.Select(r => r.Email).ShouldBe(Invoices.Select(i => i.Email));
        }

        if (export.Header.Contains("Organisasjonsnummer", StringComparison.Ordinal))
        {
            rows.Single(r => r.InvoiceNumber == "20455").Type.ShouldBe(CustomerType.Business, "a customer with an organisation number is a business");
            rows.Single(r => r.InvoiceNumber == "20498").Type.ShouldBe(CustomerType.Consumer);
        }
    }

    [Fact]
    public void Lines_above_the_header_and_a_totals_row_are_skipped_with_warnings_and_errors_name_the_files_own_lines_and_columns()
    {
        var report = All.Single(e => e.System.StartsWith("report", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(Render(report, Encoding.UTF8)).Replace("kr 980,00;kr 980,00", "kr 98O,00;kr 980,00", StringComparison.Ordinal);

        var (format, _, diagnostics) = Read(Encoding.UTF8.GetBytes(text));

        format.ShouldNotBeNull().Description.ShouldContain("header on line 4");
        var error = diagnostics.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column, error.Value).ShouldBe((6, "Beløp", "kr 98O,00"), "line 6 of the file: three lines above the header, then the header and the first invoice");
        diagnostics.Warnings.Select(w => w.Line).ShouldBe([1, 2, 11], "the title and date lines (the empty one says nothing) and the totals row");
        diagnostics.Warnings[^1].Value.ShouldBe("Sum");
    }

    [Fact]
    public void A_row_missing_only_its_invoice_number_is_an_error_not_a_totals_row()
    {
        var text = "Kundenr;Kundenavn;Fakturanr;Fakturadato;Forfallsdato;Beløp;Restbeløp\n10001;Totalbygg AS;;01.10.2026;15.10.2026;1 000,00;1 000,00\n";

        var (_, rows, diagnostics) = Read(Encoding.UTF8.GetBytes(text));

        rows.ShouldBeEmpty();
        diagnostics.Errors.ShouldHaveSingleItem().Column.ShouldBe("Fakturanr");
        diagnostics.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.5", "a dot between digits that are not a group of three is not a thousands separator")]
    [InlineData("1234.50", "decimals after a dot in a file of decimal commas would be read a hundred times too large")]
    [InlineData("1 234,505", "three decimals")]
    [InlineData("12,", "a decimal comma with no decimals")]
    [InlineData("kr", "no digits")]
    [InlineData("1,234,50", "two decimal commas")]
    public void An_amount_that_cannot_be_read_exactly_is_an_error_naming_line_column_and_value(string amount, string why)
    {
        var text = $"Kundenr;Kundenavn;Fakturanr;Fakturadato;Forfallsdato;Beløp;Restbeløp\n10001;Fjellheim Bygg AS;20455;01.10.2026;15.10.2026;{amount};0\n";

        var (_, rows, diagnostics) = Read(Encoding.UTF8.GetBytes(text));

        rows.ShouldBeEmpty(why);
        var error = diagnostics.Errors.ShouldHaveSingleItem(why);
        (error.Line, error.Column, error.Value).ShouldBe((2, "Beløp", amount), why);
    }

    [Theory]
    [InlineData("1.234,50", 1234.50)]
    [InlineData("1 234 567,89", 1234567.89)]
    [InlineData("-1 234,50", -1234.50)]
    [InlineData("1 234,50-", -1234.50)]
    [InlineData("(1 234,50)", -1234.50)]
    [InlineData("\u22121 234,50", -1234.50)]
    [InlineData("kr 1 500,-", 1500)]
    [InlineData("1 500,00 NOK", 1500)]
    [InlineData("1\u00a0500,00", 1500)]
    [InlineData("12.500", 12500)]
    public void Amounts_are_read_as_norwegian_exports_write_them(string written, decimal expected)
    {
        var text = $"Kundenr;Kundenavn;Fakturanr;Fakturadato;Forfallsdato;Beløp;Restbeløp\n10001;Fjellheim Bygg AS;20455;01.10.2026;15.10.2026;{written};{written}\n";

        var (_, rows, diagnostics) = Read(Encoding.UTF8.GetBytes(text));

        diagnostics.Errors.ShouldBeEmpty(string.Join("\n", diagnostics.Errors));
        var row = rows.ShouldHaveSingleItem();
        (row.Amount, row.OpenAmount).ShouldBe((expected, expected));
    }

    [Fact]
    public async Task A_report_export_uploaded_as_it_was_saved_is_accepted_and_its_warnings_are_in_the_outcome()
    {
        await using var host = await TestHost.StartHostAsync();
        var report = All.Single(e => e.System.StartsWith("report", StringComparison.Ordinal));

        var outcome = await LedgerKit.DropAsync(host, "acme/apne-poster.csv", Render(report, Encoding.GetEncoding(1252)), new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        outcome.Format.ShouldNotBeNull().ShouldContain("header on line 4");
        var debtors = await LedgerKit.DebtorsAsync(host);
        debtors.Sum(d => d.Invoices.Sum(i => i.OpenAmount)).ShouldBe(Invoices.Sum(i => i.Open));
        debtors.Single(d => d.Debtor.DebtorId == "10002").Debtor.Name.ShouldBe("Bjørn Åsheim");
    }
}
