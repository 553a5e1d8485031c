using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Evidence;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Status;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger.Hostile;

namespace Receivables.Tests.Ledger;

/// <summary>Issue #20's ledger defects (1, 4, 5, 6, 7, 10): what storage and sending cannot hold is refused at import.</summary>
public sealed class LedgerHostileInputTests
{
    private static readonly DateTimeOffset Taken = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
    private const string Good = HostileCorpus.Good;
    private const string Kari = "D2,Kari Nordmann,kari@example.no,consumer,,F-2,2026-10-01,2026-10-31,NOK,500.00,500.00,";

    public static TheoryData<string, string, string[]> Unstorable() => new()
    {
        { "a 5,000-character customer id", Kari.Replace("D2,", new string('D', 5000) + ",", StringComparison.Ordinal), ["line 3", "column 'customer_id'", "5,000 characters"] },
        { "a 10 MiB customer name", Kari.Replace("Kari Nordmann", new string('k', 10 * 1024 * 1024), StringComparison.Ordinal), ["line 3", "column 'customer_name'", "10,485,760"] },
        { "a customer id with '/'", Kari.Replace("D2,", "D/2,", StringComparison.Ordinal), ["line 3", "column 'customer_id'", "'/'"] },
        { "a customer id with '#'", Kari.Replace("D2,", "D#2,", StringComparison.Ordinal), ["line 3", "column 'customer_id'", "'#'"] },
        { "a customer id with '?'", Kari.Replace("D2,", "D?2,", StringComparison.Ordinal), ["line 3", "column 'customer_id'", "'?'"] },
        { "a customer id with '\\'", Kari.Replace("D2,", "D\\2,", StringComparison.Ordinal), ["line 3", "column 'customer_id'", "'\\'"] },
        { "an invoice number with '/'", Kari.Replace("F-2", "F/2", StringComparison.Ordinal), ["line 3", "column 'invoice_number'", "'/'"] },
        { "an email with CRLF and a Bcc header", Kari.Replace("kari@example.no", "\"kari@example.no\r\nBcc: everyone@evil.example\"", StringComparison.Ordinal), ["line 3", "column 'customer_email'", "U+000D", "header could be injected"] },
        { "a due date in year 1", Kari.Replace("2026-10-31", "0001-01-01", StringComparison.Ordinal), ["line 3", "column 'due_date'", "0001-01-01", "EarliestDate"] },
        { "a due date in year 9999", Kari.Replace("2026-10-31", "9999-12-31", StringComparison.Ordinal), ["line 3", "column 'due_date'", "9999-12-31"] },
        { "currency XYZ", Kari.Replace("NOK", "XYZ", StringComparison.Ordinal), ["line 3", "column 'currency'", "XYZ", "ISO 4217"] },
        { "an amount of decimal.MaxValue", Kari.Replace("500.00,500.00", "79228162514264337593543950335,79228162514264337593543950335", StringComparison.Ordinal), ["line 3", "column 'amount'", "MaxAmount"] },
    };

    [Theory]
    [MemberData(nameof(Unstorable))]
    public async Task A_value_that_storage_or_sending_cannot_hold_is_rejected_naming_line_and_field_and_nothing_stored_changes(string why, string row, string[] mentions)
    {
        await using var host = await TestHost.StartHostAsync();
        var accepted = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical(Good), Taken);
        var before = await StateAsync(host);

        var outcome = await LedgerKit.DropAsync(host, "acme/bad.csv", LedgerKit.Canonical(Good, row), Taken.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected, why);
        var report = await LedgerKit.ReportAsync(host, outcome);
        foreach (var mention in mentions)
        {
            report.ShouldContain(mention, Case.Insensitive, $"{why}: the report was\n{report}");
        }

        report.Length.ShouldBeLessThan(10_000, "a huge value is shown cut short in the report");
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(accepted.SnapshotId);
        (await StateAsync(host)).ShouldBe(before, "nothing stored changed");
    }

    [Fact]
    public async Task A_malformed_email_is_dropped_with_a_warning_naming_line_field_and_debtor_and_the_rest_imports()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/ledger.csv", LedgerKit.Canonical(Good, Kari.Replace("kari@example.no", "\"kari@example.no, ola@example.no\"", StringComparison.Ordinal)), Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        outcome.FirstProblems!.ShouldContain(p => p.Contains("line 3", StringComparison.Ordinal) && p.Contains("customer_email", StringComparison.Ordinal) && p.Contains("'D2'", StringComparison.Ordinal) && p.Contains("dropped", StringComparison.Ordinal));
        var kari = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D2");
        kari!.Debtor.Email.ShouldBeNull("an address that is not one plain address never reaches sending");
        kari.Invoices.ShouldHaveSingleItem();
    }

    public static TheoryData<string, string, string, string> MisspelledColumns() => new()
    {
        { "canonical", LedgerKit.Header.Replace("customer_email", "custmer_email", StringComparison.Ordinal) + "\n" + Good + "\n", "custmer_email", "customer_email" },
        { "canonical", LedgerKit.Header.Replace("customer_type", "customer_typ", StringComparison.Ordinal) + "\n" + Good + "\n", "customer_typ", "customer_type" },
        { "norwegian", "Kundenr;Kundenavn;E-psot;Kundetype;Organisasjonsnr;Fakturanr;Fakturadato;Forfallsdato;Valuta;Beløp;Restbeløp;KID\n30001;Bjørn Ødegård;bjorn@example.no;Privat;;9001;14.08.2026;28.08.2026;NOK;3 450,75;1 200,50;\n", "E-psot", "E-post" },
        { "norwegian", "Kundenr;Kundenavn;E-post;Kundetyp;Organisasjonsnr;Fakturanr;Fakturadato;Forfallsdato;Valuta;Beløp;Restbeløp;KID\n30001;Bjørn Ødegård;bjorn@example.no;Privat;;9001;14.08.2026;28.08.2026;NOK;3 450,75;1 200,50;\n", "Kundetyp", "Kundetype" },
    };

    [Theory]
    [MemberData(nameof(MisspelledColumns))]
    public async Task A_misspelled_optional_column_is_an_error_naming_it_and_the_column_it_resembles(string profile, string content, string typo, string meant)
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/ledger.csv", content, Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected, profile);
        var report = await LedgerKit.ReportAsync(host, outcome);
        report.ShouldContain($"line 1, column '{typo}'");
        report.ShouldContain($"'{meant}'");
    }

    [Fact]
    public async Task A_ledger_in_which_no_debtor_has_an_email_is_accepted_with_a_loud_warning_that_status_repeats()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/ledger.csv", LedgerKit.Canonical(Good.Replace("post@fjellheim.example", "", StringComparison.Ordinal), Kari.Replace("kari@example.no", "", StringComparison.Ordinal)), Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        outcome.FirstProblems!.ShouldContain(p => p.Contains("NO DEBTOR HAS AN EMAIL ADDRESS", StringComparison.Ordinal) && p.Contains("customer_email", StringComparison.Ordinal));
        var text = new StringWriter();
        (await host.Get<StatusService>().BuildAsync()).WriteText(text);
        text.ToString().ShouldContain("no debtor in this ledger has an email address");
    }

    [Fact]
    public async Task SAF_T_in_a_foreign_namespace_is_rejected_and_does_not_replace_the_ledger()
    {
        await using var host = await TestHost.StartHostAsync();
        var accepted = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical(Good, Kari), Taken);
        var before = await StateAsync(host);

        var outcome = await LedgerKit.DropAsync(host, "acme/evil.xml", HostileCorpus.SaftFile(ns: "urn:evil:not-saft"), Taken.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected);
        var report = await LedgerKit.ReportAsync(host, outcome);
        report.ShouldContain("line 2");
        report.ShouldContain("urn:evil:not-saft");
        report.ShouldContain(SaftLedgerParser.Namespace);
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(accepted.SnapshotId);
        (await StateAsync(host)).ShouldBe(before, "no debtor was marked paid");
    }

    public static TheoryData<string, byte[], string[]> BadSaft() => new()
    {
        { "version 2.00", HostileCorpus.SaftFile(version: "2.00"), ["line 4", "column 'AuditFileVersion'", "2.00"] },
        { "currency XYZ", HostileCorpus.SaftFile(currency: "XYZ"), ["line 5", "column 'DefaultCurrencyCode'", "XYZ"] },
        { "an amount of decimal.MaxValue", HostileCorpus.SaftFile(amount: "79228162514264337593543950335"), ["line 19", "column 'DebitAmount'", "MaxAmount"] },
        { "a transaction in year 1", HostileCorpus.SaftFile(transactionDate: "0001-01-01"), ["line 19", "column 'TransactionDate'", "0001-01-01"] },
        { "a customer id with '?'", HostileCorpus.SaftFile(customerId: "K?1"), ["line 10", "column 'CustomerID'", "'?'"] },
        { "an email with CRLF", HostileCorpus.SaftFile(email: "kari@example.no&#13;&#10;Bcc: all@evil.example"), ["line 10", "column 'Contact/Email'", "U+000D"] },
        { "100,000 nested elements", HostileCorpus.SaftNested(100_000, insideCustomer: true), ["line 10", "nested at most 64 levels"] },
    };

    [Theory]
    [MemberData(nameof(BadSaft))]
    public async Task A_SAF_T_file_with_a_value_the_product_cannot_use_is_rejected_naming_line_and_element(string why, byte[] file, string[] mentions)
    {
        await using var host = await TestHost.StartHostAsync();
        var accepted = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical(Good), Taken);

        var outcome = await LedgerKit.DropAsync(host, "acme/saft.xml", file, Taken.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected, why);
        var report = await LedgerKit.ReportAsync(host, outcome);
        foreach (var mention in mentions)
        {
            report.ShouldContain(mention, Case.Insensitive, $"{why}: the report was\n{report}");
        }

        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(accepted.SnapshotId);
    }

    [Fact]
    public async Task A_SAF_T_file_nested_as_deep_as_real_ones_and_then_some_is_accepted()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/saft.xml", HostileCorpus.SaftNested(50, insideCustomer: true), Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, string.Join("\n", outcome.FirstProblems ?? []));
        (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "K1"))!.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(1250.00m);
    }

    [Fact]
    public void Hundred_thousand_nested_elements_are_refused_at_the_depth_bound_without_reading_them_all()
    {
        var diagnostics = new LedgerDiagnostics();

        var rows = new SaftLedgerParser(maxDepth: 64).Read(new MemoryStream(HostileCorpus.SaftNested(100_000, insideCustomer: false)), diagnostics).ToList();

        rows.ShouldBeEmpty();
        diagnostics.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("line 10, column 'a'");
    }

    [Fact]
    public async Task Limits_that_make_no_sense_stop_start_up_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestSettings.Defaults) { [StorageNames.Connection] = "UseDevelopmentStorage=true" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Receivables:Ledger:MaxAmount"] = "0", ["Receivables:Ledger:EarliestDate"] = "2100-12-31" });
        builder.Services.AddReceivables(builder.Configuration);
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Ledger:MaxAmount");
        error.Message.ShouldContain("Receivables:Ledger:EarliestDate");
    }

    [Theory]
    [InlineData("D/1", false)]
    [InlineData("D#1", false)]
    [InlineData("D?1", false)]
    [InlineData("D\\1", false)]
    [InlineData("D|1", false)]
    [InlineData("D1.", false)]
    [InlineData("..", false)]
    [InlineData("D\u00011", false)]
    [InlineData("Bjørn-Åsheim 42", true)]
    public void The_ledger_and_the_evidence_archive_agree_on_which_ids_can_name_a_folder(string id, bool usable)
    {
        (StorageIds.Problem(id) is null).ShouldBe(usable);
        var archive = Should.NotThrow(() => { try { EvidenceChain.ValidateId(id, "debtor id"); return true; } catch (Receivables.Common.ReceivablesException) { return false; } });
        archive.ShouldBe(usable);
    }

    [Fact]
    public async Task Currency_XYZ_is_rejected_and_every_sample_ledger_still_imports()
    {
        await using var host = await TestHost.StartHostAsync();

        foreach (var (sample, at) in new[] { ("canonical-sample.csv", 0), ("norwegian-sample.csv", 1) })
        {
            var outcome = await LedgerKit.DropAsync(host, "acme/" + sample, await File.ReadAllBytesAsync(LedgerKit.SampleFile(sample)), Taken.AddDays(at));
            outcome.Result.ShouldBe(LedgerUploadResult.Accepted, sample + ": " + string.Join("\n", outcome.FirstProblems ?? []));
        }

        var xyz = await LedgerKit.DropAsync(host, "acme/xyz.csv", Encoding.UTF8.GetBytes(LedgerKit.Canonical(Good.Replace("NOK", "XYZ", StringComparison.Ordinal))), Taken.AddDays(2));
        xyz.Result.ShouldBe(LedgerUploadResult.Rejected);
    }

    private static async Task<string> StateAsync(Receivables.Local.Hosting.LocalHost host) =>
        string.Join("\n", (await LedgerKit.DebtorsAsync(host)).Select(d => d.Debtor + ": " + string.Join("; ", d.Invoices)));
}
