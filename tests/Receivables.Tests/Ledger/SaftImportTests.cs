using System.Globalization;
using System.Xml.Linq;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

public sealed class SaftImportTests
{
    private static readonly DateTimeOffset Taken = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Skatteetatens_v1_10_example_imports_with_each_debtors_open_total_equal_to_its_closing_balance()
    {
        var file = RepoFiles.Sample("saft", "SAF-T_Financial_v1.10_example_888888888.xml");
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/saft-2017.xml", await File.ReadAllBytesAsync(file), Taken);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        var customers = XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Customer").ToList();
        var debtors = await LedgerKit.DebtorsAsync(host);
        foreach (var customer in customers)
        {
            string? Value(string name) => customer.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            var closing = decimal.Parse(Value("ClosingDebitBalance") ?? "0", CultureInfo.InvariantCulture) - decimal.Parse(Value("ClosingCreditBalance") ?? "0", CultureInfo.InvariantCulture);
            var debtor = debtors.SingleOrDefault(d => d.Debtor.DebtorId == Value("CustomerID"));
            var open = debtor?.Invoices.Sum(i => i.OpenAmount) ?? 0m;
            open.ShouldBe(closing, $"customer {Value("CustomerID")} ({Value("Name")})");
            if (debtor is not null)
            {
                debtor.Debtor.Name.ShouldBe(Value("Name"));
            }
        }
    }

    [Fact]
    public async Task Due_dates_follow_the_customers_payment_terms_when_lines_carry_none()
    {
        var file = RepoFiles.Sample("saft", "SAF-T_Financial_v1.10_example_888888888.xml");
        await using var host = await TestHost.StartHostAsync();
        await LedgerKit.DropAsync(host, "acme/saft-2017.xml", await File.ReadAllBytesAsync(file), Taken);
        var terms = XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Customer")
            .ToDictionary(
                c => c.Elements().First(e => e.Name.LocalName == "CustomerID").Value,
                c => c.Descendants().FirstOrDefault(e => e.Name.LocalName == "Days") is { } d ? int.Parse(d.Value, CultureInfo.InvariantCulture) : SaftLedgerParser.DefaultTermsDays);

        var invoices = (await LedgerKit.DebtorsAsync(host)).SelectMany(d => d.Invoices.Where(i => i.Amount > 0 && !i.InvoiceNumber.StartsWith("OB-", StringComparison.Ordinal)).Select(i => (d.Debtor.DebtorId, i))).ToList();

        invoices.ShouldNotBeEmpty();
        invoices.ShouldAllBe(x => x.i.DueDate == x.i.InvoiceDate.AddDays(terms[x.DebtorId]));
    }

    [Fact]
    public async Task The_v1_30_sample_imports_and_a_customer_line_with_a_DueDate_is_due_on_that_date()
    {
        var path = RepoFiles.Sample("saft", "SAF-T_Financial_v1.30_xmlspy_sample.xml");
        await using var host = await TestHost.StartHostAsync();

        // XMLSpy's generated sample is not a real export: no namespace on its elements, version "a", currency "aaa",
        // every date 1957-08-13. As it is, it is refused; made real (namespace, 1.30, NOK, 2026) it imports.
        var raw = await LedgerKit.DropAsync(host, "acme/saft-130-raw.xml", await File.ReadAllBytesAsync(path), Taken.AddDays(-1));
        raw.Result.ShouldBe(LedgerUploadResult.Rejected);
        (await LedgerKit.ReportAsync(host, raw)).ShouldContain(SaftLedgerParser.Namespace);
        var document = XDocument.Load(path, LoadOptions.SetLineInfo);
        foreach (var element in document.Descendants().ToList())
        {
            element.Name = XName.Get(element.Name.LocalName, SaftLedgerParser.Namespace);
            if (!element.HasElements && element.Value == "1957-08-13")
            {
                element.Value = "2026-08-13";
            }
            else if (!element.HasElements && element.Name.LocalName.EndsWith("CurrencyCode", StringComparison.Ordinal))
            {
                element.Value = "NOK";
            }
            else if (element.Name.LocalName == "AuditFileVersion")
            {
                element.Value = "1.30";
            }
        }

        document.Root!.Name = XName.Get("AuditFile", SaftLedgerParser.Namespace);
        using var real = new MemoryStream();
        document.Save(real);
        var asIs = await LedgerKit.DropAsync(host, "acme/saft-130.xml", real.ToArray(), Taken);

        asIs.Result.ShouldBe(LedgerUploadResult.Accepted, asIs.Message + string.Join("\n", asIs.FirstProblems ?? []));
        var customerLines = document.Descendants().Where(e => e.Name.LocalName == "Line" && e.Elements().Any(c => c.Name.LocalName == "CustomerID")).ToList();
        var debits = customerLines.Sum(l => Amount(l, "DebitAmount"));
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.Invoices.ShouldBe(debits > 0m ? 1 : 0, "the sample's only customer line carries its debit amount");

        // The same file with an amount on its customer line: the line's DueDate decides when it is due.
        var line = customerLines.First();
        line.Elements().Single(e => e.Name.LocalName == "DebitAmount").Elements().Single(e => e.Name.LocalName == "Amount").Value = "1250.50";
        var customerId = line.Elements().Single(e => e.Name.LocalName == "CustomerID").Value;
        var dueDate = DateOnly.Parse(line.Elements().Single(e => e.Name.LocalName == "DueDate").Value, CultureInfo.InvariantCulture);
        var reference = line.Elements().Single(e => e.Name.LocalName == "ReferenceNumber").Value;
        using var changed = new MemoryStream();
        document.Save(changed);

        var withAmount = await LedgerKit.DropAsync(host, "acme/saft-130-amount.xml", changed.ToArray(), Taken.AddDays(1));

        withAmount.Result.ShouldBe(LedgerUploadResult.Accepted, withAmount.Message + string.Join("\n", withAmount.FirstProblems ?? []));
        var invoice = (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, customerId))!.Invoices.Single();
        invoice.InvoiceNumber.ShouldBe(reference, "ReferenceNumber is the invoice number");
        invoice.OpenAmount.ShouldBe(1250.50m);
        invoice.DueDate.ShouldBe(dueDate);
        invoice.SourceLine.ShouldBe(((System.Xml.IXmlLineInfo)line).LineNumber);
    }

    [Fact]
    public async Task Xml_that_is_not_saft_is_rejected_naming_the_root_element_and_nothing_changes()
    {
        await using var host = await TestHost.StartHostAsync();
        var first = await LedgerKit.DropAsync(host, "acme/good.csv", LedgerKit.Canonical("D1,Fjellheim Bygg AS,,business,,F-1,2026-10-01,2026-10-31,NOK,1000.00,400.00,"), Taken);

        // An EHF invoice is a ledger source of its own now (EhfImportTests); an order is XML that is neither.
        var order = (await File.ReadAllTextAsync(RepoFiles.Sample("ehf", "examples_base-example.xml")))
            .Replace("<Invoice ", "<Order ", StringComparison.Ordinal).Replace("</Invoice>", "</Order>", StringComparison.Ordinal)
            .Replace("xsd:Invoice-2", "xsd:Order-2", StringComparison.Ordinal);
        var outcome = await LedgerKit.DropAsync(host, "acme/invoice.xml", System.Text.Encoding.UTF8.GetBytes(order), Taken.AddDays(1));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected);
        var report = await LedgerKit.ReportAsync(host, outcome);
        report.ShouldContain("acme/invoice.xml");
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(first.SnapshotId);
    }

    private static decimal Amount(XElement line, string side) =>
        line.Elements().FirstOrDefault(e => e.Name.LocalName == side) is { } amount && amount.Elements().FirstOrDefault(e => e.Name.LocalName == "Amount") is { } value
            ? decimal.Parse(value.Value, CultureInfo.InvariantCulture)
            : 0m;
}
