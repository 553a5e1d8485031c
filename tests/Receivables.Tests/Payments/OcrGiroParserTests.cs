using System.Text;
using Receivables.Local.Bench;
using Receivables.Payments;
using Receivables.Payments.Parsing;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Payments;

/// <summary>Nets OCR giro: the public sample file and generated edge cases.</summary>
public sealed class OcrGiroParserTests
{
    private static (List<BankTransaction> Transactions, PaymentFileSummary Summary) Parse(string text, string name = "acme/file.ocr")
    {
        var summary = new PaymentFileSummary();
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(text));
        return (PaymentFormats.Read(stream, name, summary).ToList(), summary);
    }

    private static PaymentFileException Refused(string text) => Should.Throw<PaymentFileException>(() => Parse(text));

    private static string Valid() => BankFileGenerator.Ocr(
    [
        new GeneratedPayment(1250m, new DateOnly(2026, 3, 2), Kid: "10013"),
        new GeneratedPayment(99.5m, new DateOnly(2026, 3, 2), Text: "Faktura 1002"),
    ]);

    [Fact]
    public void The_Nets_sample_reads_as_twenty_payments_totalling_51449_kroner()
    {
        var (transactions, summary) = Parse(File.ReadAllText(RepoFiles.Sample("bank", "nets_ocr_giro_transactions.txt"), Encoding.Latin1));

        summary.Format.ShouldBe("Nets OCR giro");
        summary.Records.ShouldBe(45);
        transactions.Count.ShouldBe(20);
        transactions.Sum(t => t.Amount).ShouldBe(51449.00m);
        transactions.ShouldAllBe(t => t.IsIncomingPayment && t.Currency == "NOK");
        transactions.Max(t => t.Amount).ShouldBe(20500.00m);
        transactions.Single(t => t.Amount == 20500.00m).Kid.ShouldBe("02321291038303");

        var first = transactions[0];
        first.Record.ShouldBe(3);
        first.Amount.ShouldBe(1020.00m);
        first.Kid.ShouldBe("0000531");
        first.FreeText.ShouldBe("Foo bar baz");
        first.AccountServicerReference.ShouldBe("099038562");
        first.PayerAccount.ShouldBe("99990512341");
        first.BookingDate.ShouldBe(new DateOnly(1992, 1, 20));
        first.ValueDate.ShouldBe(new DateOnly(1992, 1, 16));
        first.Raw.ShouldContain("Foo bar baz");

        // Transactions without a bank date (types 12, 13) still have their Nets date.
        transactions[8].ValueDate.ShouldBeNull();
        transactions[8].BookingDate.ShouldBe(new DateOnly(1992, 1, 20));
        transactions.Select(t => t.BankReference).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void A_generated_file_reads_back_with_KID_text_and_both_line_ends()
    {
        var (transactions, summary) = Parse(Valid().Replace("\r\n", "\n", StringComparison.Ordinal));

        transactions.Count.ShouldBe(2);
        transactions[0].Kid.ShouldBe("10013");
        transactions[0].Amount.ShouldBe(1250m);
        transactions[1].Kid.ShouldBeNull();
        transactions[1].FreeText.ShouldBe("Faktura 1002");
        summary.Totals["NOK"].ShouldBe(1349.5m);
    }

    [Fact]
    public void Reversal_types_are_read_as_reversals()
    {
        var (transactions, _) = Parse(BankFileGenerator.Ocr([new GeneratedPayment(100m, new DateOnly(2026, 3, 2), Kid: "10013", Reversal: true)]));
        transactions.Single().IsPaymentReversal.ShouldBeTrue();
        transactions.Single().IsIncomingPayment.ShouldBeFalse();
    }

    [Fact]
    public void A_record_of_the_wrong_length_is_refused_with_its_record_number()
    {
        var lines = Valid().Split("\r\n");
        lines[3] = lines[3][..79];
        var error = Refused(string.Join("\r\n", lines));
        error.RecordNumber.ShouldBe(4);
        error.Field.ShouldBe("record length");
        error.Message.ShouldContain("acme/file.ocr");
        error.Message.ShouldContain("79");
    }

    [Fact]
    public void An_unknown_record_type_is_refused()
    {
        var lines = Valid().Split("\r\n");
        lines[2] = lines[2][..6] + "35" + lines[2][8..];
        var error = Refused(string.Join("\r\n", lines));
        error.RecordNumber.ShouldBe(3);
        error.Field!.ShouldContain("record type");
    }

    [Fact]
    public void Totals_that_do_not_add_up_are_refused_at_the_end_record()
    {
        var lines = Valid().Split("\r\n").ToList();
        var end = lines.FindIndex(l => l.StartsWith("NY090088", StringComparison.Ordinal));
        lines[end] = lines[end][..24] + "00000000000999999" + lines[end][41..];
        var error = Refused(string.Join("\r\n", lines));
        error.RecordNumber.ShouldBe(end + 1);
        error.Field.ShouldBe("total amount");
        error.Message.ShouldContain("1349.50");
    }

    [Fact]
    public void A_count_that_does_not_add_up_is_refused()
    {
        var lines = Valid().Split("\r\n").ToList();
        var end = lines.FindIndex(l => l.StartsWith("NY000089", StringComparison.Ordinal));
        lines[end] = "NY000089" + "00000003" + lines[end][16..];
        var error = Refused(string.Join("\r\n", lines));
        error.Field.ShouldBe("number of transactions");
    }

    [Fact]
    public void A_minus_sign_on_an_incoming_payment_is_refused()
    {
        var lines = Valid().Split("\r\n");
        lines[2] = lines[2][..31] + "-" + lines[2][32..];
        var error = Refused(string.Join("\r\n", lines));
        error.RecordNumber.ShouldBe(3);
        error.Field!.ShouldContain("sign");
    }

    [Fact]
    public void A_file_cut_off_before_its_end_record_is_refused()
    {
        var lines = Valid().Split("\r\n").Where(l => l.Length > 0).ToList();
        var error = Refused(string.Join("\r\n", lines.Take(lines.Count - 1)));
        error.Message.ShouldContain("NY000089");
    }

    [Fact]
    public void AvtaleGiro_and_other_files_are_not_taken_for_payments()
    {
        Refused("NY000010000080801000081000080800000000000000000000000000000000000000000000000000\r\nNY210020000000000400008688888888888000000000000000000000000000000000000000000000\r\n")
            .Message.ShouldContain("AvtaleGiro");
        Refused("customer_id,invoice\n1,2\n").Field.ShouldBe("format");
    }
}
