using System.Text;
using Receivables.Local.Bench;
using Receivables.Payments;
using Receivables.Payments.Parsing;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Payments;

/// <summary>ISO 20022 camt.054: the genkgo samples (.02 and .08) and generated edge cases.</summary>
public sealed class CamtParserTests
{
    private static (List<BankTransaction> Transactions, PaymentFileSummary Summary) Parse(string text, string name = "acme/notification.xml")
    {
        var summary = new PaymentFileSummary();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return (PaymentFormats.Read(stream, name, summary).ToList(), summary);
    }

    [Fact]
    public void The_v2_sample_is_one_booked_debit_entry_of_three_transactions_none_of_them_incoming()
    {
        var (transactions, summary) = Parse(File.ReadAllText(RepoFiles.Sample("bank", "genkgo_camt054.v2.xml")));

        summary.Format.ShouldBe("camt.054.001.02");
        summary.Records.ShouldBe(1);
        summary.Transactions.ShouldBe(0);
        summary.Skipped.ShouldBe(3);
        transactions.Count.ShouldBe(3);
        transactions.ShouldAllBe(t => !t.IsCredit && t.IsBooked && !t.IsReversal && t.Currency == "SEK");
        transactions.ShouldAllBe(t => t.BookingDate == new DateOnly(2007, 10, 18) && t.EndToEndId == "MUELL/FINP/RA12345" && t.PayerName == "MUELLER");
        transactions[0].AccountServicerReference.ShouldBe("AAAASESS-FP-ACCR001");
        transactions[0].FreeText!.ShouldContain("Unstructured Remittance Information V1");
        transactions[0].FreeText!.ShouldContain("ISR ref number V1");
        transactions[2].FreeText!.ShouldContain("Unstructured Remittance Information V3 block 2");
        transactions.ShouldAllBe(t => t.Kid == null && t.CreditorReference == null);
        transactions.Select(t => t.BankReference).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void The_v8_sample_reads_its_three_transaction_amounts_payer_and_references()
    {
        var (transactions, summary) = Parse(File.ReadAllText(RepoFiles.Sample("bank", "genkgo_camt054.v8.xml")));

        summary.Format.ShouldBe("camt.054.001.08");
        summary.Skipped.ShouldBe(3);
        transactions.Select(t => t.Amount).ShouldBe([3.1m, 3.2m, 3.2m]);
        transactions.ShouldAllBe(t => t.Currency == "CHF" && !t.IsCredit && t.PayerName == "UNIFITS GmbH" && t.PayerAccount == "CH2801234000123456789");
        transactions.ShouldAllBe(t => t.AccountServicerReference == "ACSR160617103200001");
        transactions.Select(t => t.EndToEndId).ShouldBe(["UXC06170000006PI00001EE00001", "UXC06170000006PI00001EE00002", "UXC06170000006PI00001EE00002"]);
        var firstDetails = File.ReadLines(RepoFiles.Sample("bank", "genkgo_camt054.v8.xml")).Select((line, i) => (line, i)).First(x => x.line.Contains("<TxDtls>", StringComparison.Ordinal)).i + 1;
        transactions[0].Record.ShouldBe(firstDetails);
    }

    [Fact]
    public void Credit_entries_carry_KID_and_checked_RF_references_and_reversals()
    {
        var rf = BankFileGenerator.RfFor("INV2001");
        var (transactions, summary) = Parse(BankFileGenerator.Camt054(
        [
            new GeneratedPayment(1250m, new DateOnly(2026, 3, 2), Kid: "10013", Payer: "Kari Nordmann"),
            new GeneratedPayment(500m, new DateOnly(2026, 3, 2), Rf: rf, Text: "Takk for handelen"),
            new GeneratedPayment(75m, new DateOnly(2026, 3, 2), Rf: "RF00INV2001"),
            new GeneratedPayment(1250m, new DateOnly(2026, 3, 3), Kid: "10013", Reversal: true),
        ]));

        transactions.Count.ShouldBe(4);
        transactions[0].IsIncomingPayment.ShouldBeTrue();
        transactions[0].Kid.ShouldBe("10013");
        transactions[0].PayerName.ShouldBe("Kari Nordmann");
        transactions[1].CreditorReference.ShouldBe(rf);
        transactions[1].FreeText.ShouldBe("Takk for handelen");
        transactions[2].CreditorReference.ShouldBeNull();
        transactions[2].FreeText.ShouldBe("RF00INV2001");
        summary.Warnings.ShouldHaveSingleItem().ShouldContain("RF00INV2001");
        transactions[3].IsPaymentReversal.ShouldBeTrue();
        summary.Totals["NOK"].ShouldBe(3075m);
    }

    [Fact]
    public void Version_02_credit_entries_read_the_same_way()
    {
        var (transactions, _) = Parse(BankFileGenerator.Camt054([new GeneratedPayment(42.5m, new DateOnly(2026, 3, 2), Kid: "10013")], "camt.054.001.02"));
        transactions.Single().Amount.ShouldBe(42.5m);
        transactions.Single().IsIncomingPayment.ShouldBeTrue();
    }

    [Fact]
    public void A_negative_amount_is_refused_with_its_line_and_field()
    {
        var text = BankFileGenerator.Camt054([new GeneratedPayment(100m, new DateOnly(2026, 3, 2), Kid: "10013")]).Replace(">100.00</Amt><CdtDbtInd>", ">-100.00</Amt><CdtDbtInd>", StringComparison.Ordinal);
        var error = Should.Throw<PaymentFileException>(() => Parse(text));
        error.Field.ShouldBe("Ntry/Amt");
        error.RecordNumber.ShouldBe(8);
        error.Message.ShouldContain("-100.00");
    }

    [Fact]
    public void A_notification_under_a_statements_namespace_and_an_invoice_are_refused()
    {
        var text = BankFileGenerator.Camt054([new GeneratedPayment(100m, new DateOnly(2026, 3, 2))]).Replace("camt.054.001.08", "camt.053.001.08", StringComparison.Ordinal);
        var error = Should.Throw<PaymentFileException>(() => Parse(text));
        error.Message.ShouldContain("BkToCstmrStmt under Document (a camt.053 account statement)");
        Should.Throw<PaymentFileException>(() => Parse("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")).Field.ShouldBe("Document");
    }

    [Fact]
    public void Malformed_xml_is_refused_with_its_line()
    {
        var text = BankFileGenerator.Camt054([new GeneratedPayment(100m, new DateOnly(2026, 3, 2))]).Replace("</TxDtls>", "</TxDetails>", StringComparison.Ordinal);
        var error = Should.Throw<PaymentFileException>(() => Parse(text));
        error.Message.ShouldContain("well-formed XML");
        error.RecordNumber.ShouldBeGreaterThan(0);
    }
}
