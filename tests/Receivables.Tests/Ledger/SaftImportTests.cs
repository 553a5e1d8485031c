using System.Globalization;
using System.Xml.Linq;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>The tax administration's SAF-T Financial example files import; expectations are read from the XML itself.</summary>
public sealed class SaftImportTests
{
    [Fact]
    public async Task The_SAF_T_1_10_example_imports_each_customers_balance_as_open_invoices_due_by_their_payment_terms()
    {
        var path = RepoFiles.Sample("saft", "SAF-T_Financial_v1.10_example_888888888.xml");
        var expected = Expected(XDocument.Load(path));
        expected.Count(c => c.Balance != 0m).ShouldBeGreaterThan(0, "the example has customers with an open balance");
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/saft-2017.xml", await File.ReadAllBytesAsync(path));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message + string.Join("\n", outcome.FirstProblems ?? []));
        outcome.Format!.ShouldContain("SAF-T");
        var snapshot = await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor);
        snapshot!.Debtors.ShouldBe(expected.Count(c => c.Balance != 0m));
        foreach (var customer in expected)
        {
            var ledger = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, customer.Id);
            if (customer.Balance == 0m)
            {
                ledger.ShouldBeNull($"customer {customer.Id} owes nothing");
                continue;
            }

            ledger.ShouldNotBeNull($"customer {customer.Id} owes {customer.Balance}");
            ledger.Debtor.Name.ShouldBe(customer.Name);
            ledger.Invoices.Sum(i => i.OpenAmount).ShouldBe(customer.Balance, $"customer {customer.Id}: opening balance plus debits minus credits");
            if (customer.Closing is { } closing)
            {
                ledger.Invoices.Sum(i => i.OpenAmount).ShouldBe(closing, $"customer {customer.Id}: the closing balance in the file");
            }

            foreach (var invoice in ledger.Invoices.Where(i => i.InvoiceNumber is not "OPENING" and not "CREDIT"))
            {
                customer.Documents.ShouldContainKey(invoice.InvoiceNumber);
                var document = customer.Documents[invoice.InvoiceNumber];
                invoice.Amount.ShouldBe(document.Debit, $"invoice {invoice.InvoiceNumber}: its debit lines");
                invoice.InvoiceDate.ShouldBe(document.Date);
                invoice.DueDate.ShouldBe(document.Date.AddDays(customer.TermDays ?? SaftLedgerParser.DefaultTermDays), "due by the customer's PaymentTerms/Days");
                invoice.OpenAmount.ShouldBeInRange(0.01m, invoice.Amount);
                invoice.SourceLine.ShouldBeGreaterThan(0);
            }
        }
    }

    [Fact]
    public async Task The_SAF_T_1_30_sample_imports_and_a_line_with_a_DueDate_is_due_on_that_date()
    {
        var path = RepoFiles.Sample("saft", "SAF-T_Financial_v1.30_xmlspy_sample.xml");
        await using var host = await TestHost.StartHostAsync();

        var asIs = await LedgerKit.DropAsync(host, "acme/saft-130.xml", await File.ReadAllBytesAsync(path), DateTimeOffset.Parse("2026-11-01T00:00:00Z", CultureInfo.InvariantCulture));

        asIs.Result.ShouldBe(LedgerUploadResult.Accepted, asIs.Message + string.Join("\n", asIs.FirstProblems ?? []));
        var document = XDocument.Load(path, LoadOptions.SetLineInfo);
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

        var withAmount = await LedgerKit.DropAsync(host, "acme/saft-130-amount.xml", changed.ToArray(), DateTimeOffset.Parse("2026-11-02T00:00:00Z", CultureInfo.InvariantCulture));

        withAmount.Result.ShouldBe(LedgerUploadResult.Accepted, withAmount.Message + string.Join("\n", withAmount.FirstProblems ?? []));
        var invoice = (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, customerId))!.Invoices.Single();
        invoice.InvoiceNumber.ShouldBe(reference, "ReferenceNumber is the invoice number");
        invoice.OpenAmount.ShouldBe(1250.50m);
        invoice.DueDate.ShouldBe(dueDate);
        invoice.SourceLine.ShouldBe(((System.Xml.IXmlLineInfo)line).LineNumber);
    }

    private static List<ExpectedCustomer> Expected(XDocument document)
    {
        var lines = document.Descendants().Where(e => e.Name.LocalName == "Transaction")
            .SelectMany(t => t.Elements().Where(e => e.Name.LocalName == "Line").Select(l => (Transaction: t, Line: l)))
            .Where(x => x.Line.Elements().Any(e => e.Name.LocalName == "CustomerID"))
            .ToList();
        return document.Descendants().Where(e => e.Name.LocalName == "Customer").Select(c =>
        {
            var id = Value(c, "CustomerID")!;
            var mine = lines.Where(x => Value(x.Line, "CustomerID") == id).ToList();
            var opening = Decimal(c, "OpeningDebitBalance") - Decimal(c, "OpeningCreditBalance");
            var balance = opening + mine.Sum(x => Amount(x.Line, "DebitAmount") - Amount(x.Line, "CreditAmount"));
            decimal? closing = c.Elements().Any(e => e.Name.LocalName.StartsWith("Closing", StringComparison.Ordinal)) ? Decimal(c, "ClosingDebitBalance") - Decimal(c, "ClosingCreditBalance") : null;
            var documents = mine.Where(x => Amount(x.Line, "DebitAmount") > 0m)
                .GroupBy(x => Value(x.Line, "SourceDocumentID")!)
                .ToDictionary(g => g.Key, g => (Debit: g.Sum(x => Amount(x.Line, "DebitAmount")), Date: DateOnly.Parse(Value(g.First().Transaction, "TransactionDate")!, CultureInfo.InvariantCulture)));
            var days = c.Descendants().FirstOrDefault(e => e.Name.LocalName == "Days")?.Value;
            return new ExpectedCustomer(id, Value(c, "Name")!, balance, closing, days is null ? null : int.Parse(days, CultureInfo.InvariantCulture), documents);
        }).ToList();
    }

    private static string? Value(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static decimal Decimal(XElement parent, string name) => Value(parent, name) is { } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : 0m;

    private static decimal Amount(XElement line, string side) =>
        line.Elements().FirstOrDefault(e => e.Name.LocalName == side) is { } amount ? Decimal(amount, "Amount") : 0m;

    private sealed record ExpectedCustomer(string Id, string Name, decimal Balance, decimal? Closing, int? TermDays, Dictionary<string, (decimal Debit, DateOnly Date)> Documents);
}
