using System.Globalization;
using System.Text;
using Receivables.Ledger;
using Receivables.Payments;
using Receivables.Payments.Parsing;
using static Receivables.Tests.Payments.PaymentsWorld;

namespace Receivables.Tests.Payments;

/// <summary>
/// The daily account statement (camt.053) and the intraday report (camt.052) as Norwegian banks deliver them: one
/// statement per account in one file, balances and a transaction summary before the entries, card payments and other
/// debits, customer payments with a KID or with the invoice number only in the additional information, and credits on
/// the company's other accounts that are not customer payments.
/// </summary>
public sealed class CamtStatementTests
{
    private const string Receivables = "12345678903"; // the test creditor's account
    private const string Savings = "12345678911";

    private static readonly string Kari = Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m);
    private static readonly string Per = Line("C-300", "Per Olsen", "1002", 800m, 800m);
    private static readonly string Ola = Line("C-400", "Ola Hansen", "1003", 450m, 450m);

    /// <summary>One booked entry; <paramref name="details"/> is its TxDtls content (null: an entry without details).</summary>
    private static string Entry(string reference, decimal amount, string direction, string date, string? details, string? entryInfo = null, string status = "BOOK") =>
        string.Create(CultureInfo.InvariantCulture, $"""
                <Ntry>
                    <NtryRef>{reference}</NtryRef>
                    <Amt Ccy="NOK">{amount:0.00}</Amt>
                    <CdtDbtInd>{direction}</CdtDbtInd>
                    <Sts>{status}</Sts>
                    <BookgDt><Dt>{date}</Dt></BookgDt>
                    <ValDt><Dt>{date}</Dt></ValDt>
                    <AcctSvcrRef>{reference}</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
            {(entryInfo is null ? "" : $"        <AddtlNtryInf>{entryInfo}</AddtlNtryInf>\n")}{(details is null ? "" : $"        <NtryDtls><TxDtls>{details}</TxDtls></NtryDtls>\n")}        </Ntry>
            """);

    private static string Part(string element, string account, string date, params string[] entries) => $"""
            <{element}>
                <Id>{account}.{date.Replace("-", "", StringComparison.Ordinal)}</Id>
                <ElctrncSeqNb>1</ElctrncSeqNb>
                <CreDtTm>{date}T06:39:09.457+01:00</CreDtTm>
                <FrToDt><FrDtTm>{date}T00:00:01</FrDtTm><ToDtTm>{date}T23:59:59</ToDtTm></FrToDt>
                <Acct>
                    <Id><Othr><Id>{account}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>
                    <Ccy>NOK</Ccy>
                    <Svcr><FinInstnId><BIC>SPRONO22XXX</BIC></FinInstnId></Svcr>
                </Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">27813.95</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">29013.95</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
                <TxsSummry><TtlNtries><NbOfNtries>{entries.Length}</NbOfNtries></TtlNtries></TxsSummry>
            {string.Concat(entries)}    </{element}>
            """;

    private static string Document(string message, string messageElement, params string[] parts) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iso:std:iso:20022:tech:xsd:{message}">
        <{messageElement}>
            <GrpHdr>
                <MsgId>576435.20260203063909454</MsgId>
                <CreDtTm>2026-02-03T06:39:09.454+01:00</CreDtTm>
                <MsgRcpt><Nm>ACME AS</Nm></MsgRcpt>
            </GrpHdr>
        {string.Concat(parts)}</{messageElement}>
        </Document>
        """;

    private static string KidPayment(string kid, string payer) =>
        $"<Refs><AcctSvcrRef>TX-{kid}</AcctSvcrRef></Refs><RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>12340000001</Id></Othr></Id></DbtrAcct></RltdPties><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{kid}</Ref></CdtrRefInf></Strd></RmtInf>";

    /// <summary>A statement of two accounts: the receivables account with a card payment, a KID payment, a payment naming only the invoice, and the savings account with interest.</summary>
    private static string Statement() => Document("camt.053.001.02", "BkToCstmrStmt",
        Part("Stmt", Receivables, "2026-02-03",
            Entry("50001685147", 1249.85m, "DBIT", "2026-02-03", "<Refs/><AmtDtls><TxAmt><Amt Ccy=\"NOK\">1249.85</Amt></TxAmt></AmtDtls><AddtlTxInf>VISA VARE *8012 02.02 USD 140.00 KONTORREKVISITA</AddtlTxInf>"),
            Entry("50001685148", 1000m, "CRDT", "2026-02-03", KidPayment(Kid.WithMod10("1001"), "Kari Nordmann")),
            Entry("50001685149", 800m, "CRDT", "2026-02-03", "<Refs/><AmtDtls><TxAmt><Amt Ccy=\"NOK\">800.00</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>PER OLSEN</Nm></Dbtr></RltdPties><AddtlTxInf>Betaling faktura 1002 Per Olsen</AddtlTxInf>")),
        Part("Stmt", Savings, "2026-02-03",
            Entry("50001685150", 450m, "CRDT", "2026-02-03", null, entryInfo: "Renter 1002")));

    [Fact]
    public void A_statement_reads_every_account_with_each_entry_booked_on_its_own_account()
    {
        var summary = new PaymentFileSummary();

        var transactions = PaymentFormats.Read(new MemoryStream(Encoding.UTF8.GetBytes(Statement())), "acme/camt053.xml", summary).ToList();

        summary.Format.ShouldBe("camt.053.001.02");
        transactions.Count.ShouldBe(4);
        transactions.Select(t => t.Account).ShouldBe([Receivables, Receivables, Receivables, Savings]);
        transactions.Count(t => t.IsIncomingPayment).ShouldBe(3, "the card payment is a debit");
        var kid = transactions.Single(t => t.Kid is not null);
        (kid.Amount, kid.Kid, kid.PayerName, kid.BankReference).ShouldBe((1000m, Kid.WithMod10("1001"), "Kari Nordmann", "camt:TX-" + Kid.WithMod10("1001")));
        transactions.Single(t => t.Amount == 800m).FreeText.ShouldBe("Betaling faktura 1002 Per Olsen", "a statement's additional information is the payment's text");
        transactions.Single(t => t.Amount == 450m).FreeText.ShouldBe("Renter 1002", "an entry without details: its own additional information");
    }

    [Fact]
    public void A_batch_entry_whose_transactions_give_only_the_instructed_amount_reads_each_payment_with_its_own_amount()
    {
        var details = string.Concat(new[] { (Kid.WithMod10("1001"), 1000m), (Kid.WithMod10("1002"), 800m) }.Select(p =>
            $"<TxDtls><Refs><AcctSvcrRef>TX-{p.Item1}</AcctSvcrRef></Refs><AmtDtls><InstdAmt><Amt Ccy=\"NOK\">{p.Item2.ToString("0.00", CultureInfo.InvariantCulture)}</Amt></InstdAmt></AmtDtls><RmtInf><Strd><CdtrRefInf><Ref>{p.Item1}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>"));
        var entry = Entry("50001685160", 1800m, "CRDT", "2026-02-03", null).Replace("</Ntry>", $"    <NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>{details}</NtryDtls>\n        </Ntry>", StringComparison.Ordinal);
        var file = Document("camt.054.001.02", "BkToCstmrDbtCdtNtfctn", Part("Ntfctn", Receivables, "2026-02-03", entry));

        var transactions = PaymentFormats.Read(new MemoryStream(Encoding.UTF8.GetBytes(file)), "acme/camt054.xml", new PaymentFileSummary()).ToList();

        transactions.Select(t => (t.Kid, t.Amount)).ShouldBe([(Kid.WithMod10("1001"), 1000m), (Kid.WithMod10("1002"), 800m)]);
    }

    [Fact]
    public async Task A_statement_places_customer_payments_by_KID_and_by_invoice_number_and_leaves_the_savings_account_alone()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per, Ola);

        var outcome = await world.BankFileAsync("camt053-0203.xml", Statement());

        outcome.Result.ShouldBe(PaymentImportResult.Accepted, outcome.Message);
        outcome.Format.ShouldBe("camt.053.001.02");
        outcome.Matched.ShouldBe(2, outcome.Message);
        outcome.Unmatched.ShouldBe(0, "the interest on the savings account is not a customer payment to place by hand: " + outcome.Message);
        outcome.Message.ShouldContain($"1 incoming transaction(s) on other accounts than the creditor's {Receivables} left alone ({Savings}: 1)");
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();
        (await world.OpenItemsAsync("C-300"))!.Invoices.ShouldBeEmpty("800.00 naming invoice 1002, its exact open amount");
        (await world.OpenItemsAsync("C-400"))!.Invoices.ShouldHaveSingleItem().OpenAmount.ShouldBe(450m, "450.00 of interest with '1002' in its text is neither Ola's payment nor on the receivables account");
        (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_intraday_report_counts_only_booked_entries_and_the_evening_statement_does_not_count_them_again()
    {
        await using var world = await StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", Kari, Per);
        var report = Document("camt.052.001.02", "BkToCstmrAcctRpt",
            Part("Rpt", Receivables, "2026-02-03",
                Entry("50001685148", 1000m, "CRDT", "2026-02-03", KidPayment(Kid.WithMod10("1001"), "Kari Nordmann")),
                Entry("50001685151", 800m, "CRDT", "2026-02-03", KidPayment(Kid.WithMod10("1002"), "Per Olsen"), status: "PDNG")));

        var morning = await world.BankFileAsync("camt052-0203-1200.xml", report);
        var evening = await world.BankFileAsync("camt053-0203.xml", Statement());

        morning.Result.ShouldBe(PaymentImportResult.Accepted, morning.Message);
        (morning.Matched, morning.Skipped).ShouldBe((1, 1), "the pending entry is not a payment yet: " + morning.Message);
        evening.Duplicates.ShouldBe(1, "Kari's payment, booked in the morning report, is the same bank transaction: " + evening.Message);
        evening.Matched.ShouldBe(1, "Per's payment by invoice number: " + evening.Message);
        (await world.OpenItemsAsync("C-200"))!.Invoices.ShouldBeEmpty();
        (await world.OpenItemsAsync("C-300"))!.Invoices.ShouldBeEmpty();
    }

    [Fact]
    public void A_file_that_is_not_a_bank_to_customer_message_is_refused_naming_what_is_read()
    {
        var text = Statement().Replace("camt.053.001.02", "pain.001.001.03", StringComparison.Ordinal);

        var error = Should.Throw<PaymentFileException>(() => PaymentFormats.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "acme/pain.xml", new PaymentFileSummary()).ToList());

        error.Message.ShouldContain("camt.054 notification, camt.053 statement or camt.052 report");
        error.Message.ShouldContain("pain.001.001.03");
    }
}
