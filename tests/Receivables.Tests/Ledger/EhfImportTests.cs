using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Payments;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Payments;

namespace Receivables.Tests.Ledger;

/// <summary>EHF / PEPPOL BIS Billing 3.0 invoices and credit notes dropped into the ledger container become open items.</summary>
public sealed class EhfImportTests
{
    private static readonly DateTimeOffset Taken = new(2026, 1, 20, 5, 0, 0, TimeSpan.Zero);

    private static string Sample(string name) => File.ReadAllText(RepoFiles.Sample("ehf", name));

    [Fact]
    public async Task The_Norwegian_EHF_example_becomes_an_open_item_of_its_buyer_beside_the_ledger()
    {
        await using var host = await TestHost.StartHostAsync();
        await LedgerKit.DropAsync(host, "acme/w1.csv", LedgerKit.Canonical(PaymentsWorld.Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m)), Taken);

        var outcome = await LedgerKit.DropAsync(host, "acme/ehf/TOSL108.xml", Sample("national-examples_NO_Norwegian-example-1.xml"));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted);
        outcome.Format.ShouldBe("EHF / PEPPOL BIS Billing 3.0 (UBL 2.1)");
        outcome.FirstProblems!.ShouldContain(p => p.Contains("PaymentID") && p.Contains("0003434323213231"));
        var debtors = await LedgerKit.DebtorsAsync(host);
        debtors.Select(d => d.Debtor.DebtorId).ShouldBe(["987654325", "C-200"]);
        var buyer = debtors[0];
        buyer.Debtor.Name.ShouldBe("Buyercompany ASA");
        buyer.Debtor.Email.ShouldBe("john@buyercompany.no");
        buyer.Debtor.OrgNumber.ShouldBe("987654325");
        var invoice = buyer.Invoices.ShouldHaveSingleItem();
        invoice.InvoiceNumber.ShouldBe("TOSL108");
        invoice.InvoiceDate.ShouldBe(new DateOnly(2013, 6, 30));
        invoice.DueDate.ShouldBe(new DateOnly(2013, 7, 20));
        invoice.Currency.ShouldBe("NOK");
        invoice.OpenAmount.ShouldBe(802.00m);
        invoice.Kid.ShouldBeNull("the example's PaymentID fails both MOD10 and MOD11");
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.TakenAt.ShouldBe(Taken, "an added document does not make the rest of the ledger newer");
    }

    [Fact]
    public async Task A_credit_note_reduces_the_invoice_it_corrects()
    {
        await using var host = await TestHost.StartHostAsync();
        (await LedgerKit.DropAsync(host, "acme/ehf/invoice.xml", Sample("examples_base-example.xml"))).Result.ShouldBe(LedgerUploadResult.Accepted);
        var before = (await LedgerKit.DebtorsAsync(host)).ShouldHaveSingleItem();
        before.Debtor.DebtorId.ShouldBe("FR23342");
        before.Debtor.Name.ShouldBe("Buyer Official Name");
        before.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(1656.25m);
        before.Invoices[0].Currency.ShouldBe("EUR");
        before.Invoices[0].DueDate.ShouldBe(new DateOnly(2017, 12, 1));

        (await LedgerKit.DropAsync(host, "acme/ehf/credit.xml", Sample("examples_base-creditnote-correction.xml"))).Result.ShouldBe(LedgerUploadResult.Accepted);
        var after = await LedgerKit.DebtorsAsync(host);
        after.SelectMany(d => d.Invoices).Where(i => i.OpenAmount != 0m).ShouldBeEmpty("the credit note covers the invoice in full");
    }

    [Fact]
    public async Task An_EHF_invoice_is_closed_by_a_bank_payment_of_its_KID()
    {
        await using var host = await TestHost.StartHostAsync();
        var kid = Kid.WithMod10("5550001");
        var ehf = Sample("national-examples_NO_Norwegian-example-1.xml").Replace("0003434323213231", kid, StringComparison.Ordinal);
        (await LedgerKit.DropAsync(host, "acme/ehf/TOSL108.xml", ehf)).Result.ShouldBe(LedgerUploadResult.Accepted);
        (await LedgerKit.DebtorsAsync(host)).Single().Invoices.Single().Kid.ShouldBe(kid);

        var payments = await PaymentsWorld.ImportAsync(host, BankFileGenerator.Ocr([new GeneratedPayment(802m, new DateOnly(2026, 1, 21), Kid: kid)]));
        payments.Matched.ShouldBe(1);
        (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "987654325"))!.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_EHF_that_is_not_UBL_or_has_a_negative_amount_is_refused_and_changes_nothing()
    {
        await using var host = await TestHost.StartHostAsync();
        await LedgerKit.DropAsync(host, "acme/w1.csv", LedgerKit.Canonical(PaymentsWorld.Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m)), Taken);

        var notUbl = await LedgerKit.DropAsync(host, "acme/ehf/odd.xml", "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:example:not-ubl\"><ID>1</ID></Invoice>");
        notUbl.Result.ShouldBe(LedgerUploadResult.Rejected);
        notUbl.FirstProblems!.ShouldContain(p => p.Contains("line 2") && p.Contains("root element") && p.Contains("UBL 2.1"));

        var negative = await LedgerKit.DropAsync(host, "acme/ehf/negative.xml", Sample("national-examples_NO_Norwegian-example-1.xml").Replace(">802.00</cbc:PayableAmount>", ">-802.00</cbc:PayableAmount>", StringComparison.Ordinal));
        negative.Result.ShouldBe(LedgerUploadResult.Rejected);
        negative.FirstProblems!.ShouldContain(p => p.Contains("cbc:PayableAmount") && p.Contains("-802.00"));

        var noDue = await LedgerKit.DropAsync(host, "acme/ehf/nodue.xml", Sample("examples_base-example.xml").Replace("<cbc:DueDate>2017-12-01</cbc:DueDate>", "", StringComparison.Ordinal));
        noDue.Result.ShouldBe(LedgerUploadResult.Accepted, "payment terms are given, so the due date is the issue date + 14 days (a warning)");

        (await LedgerKit.DebtorsAsync(host)).Select(d => d.Debtor.DebtorId).ShouldBe(["C-200", "FR23342"], ignoreOrder: true);
    }

    [Fact]
    public async Task Each_EHF_document_points_at_the_file_it_came_from_which_stays_and_a_later_file_of_the_number_takes_over()
    {
        await using var host = await TestHost.StartHostAsync();
        var sources = host.Get<IEhfSourceStore>();
        var invoice = Sample("examples_base-example.xml");
        var first = await LedgerKit.DropAsync(host, "acme/ehf/invoice.xml", invoice);
        first.Result.ShouldBe(LedgerUploadResult.Accepted);
        (await sources.FindAsync(TestSettings.Creditor, "Snippet1", CancellationToken.None))!.BlobName.ShouldBe("acme/ehf/invoice.xml");
        (await LedgerKit.DropAsync(host, "acme/ehf/credit.xml", Sample("examples_base-creditnote-correction.xml"))).Result.ShouldBe(LedgerUploadResult.Accepted);
        (await sources.FindAsync(TestSettings.Creditor, "Snippet1", CancellationToken.None))!.BlobName.ShouldBe("acme/ehf/invoice.xml", "the credit note has its own number");

        var redelivered = await host.Get<LedgerIngestor>().IngestAsync(first.BlobName, first.ETag, CancellationToken.None);
        redelivered.Result.ShouldBe(LedgerUploadResult.Accepted);
        var again = await LedgerKit.DropAsync(host, "acme/ehf/invoice-resent.xml", invoice.Replace("1656.25", "1600.00", StringComparison.Ordinal));
        again.Result.ShouldBe(LedgerUploadResult.Accepted);
        (await sources.FindAsync(TestSettings.Creditor, "Snippet1", CancellationToken.None))!.BlobName.ShouldBe("acme/ehf/invoice-resent.xml", "a later EHF of the same number replaces the pointer");
        await host.Get<LedgerIngestor>().IngestAsync(first.BlobName, first.ETag, CancellationToken.None);
        (await sources.FindAsync(TestSettings.Creditor, "Snippet1", CancellationToken.None))!.BlobName.ShouldBe("acme/ehf/invoice-resent.xml", "a redelivered older upload does not take it back");

        var kept = await host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient("acme/ehf/invoice.xml").DownloadContentAsync();
        kept.Value.Content.ToString().ShouldBe(invoice, "the EHF file stays where it was uploaded, unchanged");
        (await sources.FindAsync(TestSettings.Creditor, "no-such-invoice", CancellationToken.None)).ShouldBeNull();
    }
}
