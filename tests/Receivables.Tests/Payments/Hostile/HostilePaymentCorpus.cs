using System.Globalization;
using System.Text;
using Receivables.Ledger;
using Receivables.Local.Bench;

namespace Receivables.Tests.Payments.Hostile;

/// <summary>
/// The manifest of the hostile bank files: Nets OCR giro and camt.054 generated here from a valid file, each with its
/// expected outcome. Truncated and mis-sized records, unknown record types, bad and absurd amounts (decimal.MaxValue,
/// 17 nines), impossible dates, KIDs with letters or a wrong check digit, control characters, CR inside a record, an
/// empty and a header-only file, transmissions sent twice, a foreign namespace, DOCTYPE with an external entity and
/// entity expansion, 100,000 nested elements, unknown currencies and missing mandatory elements.
/// </summary>
internal static class HostilePaymentCorpus
{
    public static readonly DateOnly PaidOn = new(2026, 1, 19);

    /// <summary>The ledger's lines the corpus pays against (invoice 1001 with its MOD10 KID, 1002 named in text).</summary>
    public static readonly string[] Ledger =
    [
        PaymentsWorld.Line("C-200", "Kari Nordmann", "1001", 1000m, 1000m),
        PaymentsWorld.Line("C-300", "Per Olsen", "1002", 800m, 800m),
    ];

    public static IReadOnlyList<HostilePaymentFile> All() => [.. OcrFiles(), .. CamtFiles()];

    /// <summary>
    /// The valid OCR file the corpus mutates: 1 start of transmission, 2 start of assignment, 3-4 a KID payment of
    /// 100.00 (type 10), 5-7 a payment of 50.00 with free text (type 21), 8 end of assignment, 9 end of transmission.
    /// </summary>
    public static string OcrText(int transmission = 1) => BankFileGenerator.Ocr(
        [new GeneratedPayment(100m, PaidOn, Kid: Kid.WithMod10("1001")), new GeneratedPayment(50m, PaidOn, Text: "Faktura 9999")], transmission);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string[] OcrLines() => OcrText().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static byte[] Ocr(params string[] lines) => Latin1(string.Join("\r\n", lines) + "\r\n");

    /// <summary>The valid file with record <paramref name="record"/> (1-based) changed by <paramref name="change"/>.</summary>
    private static byte[] OcrWith(int record, Func<string, string> change)
    {
        var lines = OcrLines();
        lines[record - 1] = change(lines[record - 1]);
        return Ocr(lines);
    }

    /// <summary>Replaces the characters at 1-based <paramref name="position"/> with <paramref name="value"/>.</summary>
    private static Func<string, string> At(int position, string value) => line => line[..(position - 1)] + value + line[(position - 1 + value.Length)..];

    private static HostilePaymentFile Reject(string kind, string name, byte[] content, params string[] mentions) => new(name, kind, content, true, mentions);

    private static HostilePaymentFile Accept(string kind, string name, byte[] content, params string[] mentions) => new(name, kind, content, false, mentions);

    private static IEnumerable<HostilePaymentFile> OcrFiles()
    {
        const string K = "ocr";
        var lines = OcrLines();
        yield return Reject(K, "empty", [], "file", "field 'format'");
        yield return Reject(K, "not-a-bank-file", Encoding.UTF8.GetBytes("customer_id,amount\nC-200,100.00\n"), "record 1", "field 'format'");
        yield return Reject(K, "cut-off-after-a-transaction", Ocr(lines[..5]), "record 5", "NY000089", "cut off");
        yield return Reject(K, "cut-off-mid-record", Latin1(string.Join("\r\n", lines[..3]) + "\r\n" + lines[3][..41]), "record 4", "record length", "41");
        yield return Reject(K, "record-of-79", OcrWith(3, l => l[..79]), "record 3", "record length", "79");
        yield return Reject(K, "record-of-81", OcrWith(3, l => l + "0"), "record 3", "record length", "81");
        yield return Reject(K, "unknown-record-type-40", OcrWith(3, At(7, "40")), "record 3", "record type", "091040");
        yield return Reject(K, "format-code-xy", OcrWith(3, At(1, "XY")), "record 3", "format code", "XY");
        yield return Reject(K, "avtalegiro-service-21", OcrWith(2, At(3, "21")), "record 2", "service code", "AvtaleGiro");
        yield return Reject(K, "transaction-type-99", OcrWith(3, At(5, "99")), "record 3", "transaction type", "99");
        yield return Reject(K, "amount-with-a-letter", OcrWith(3, At(33, "00000000000010A00")), "record 3", "amount", "00000000000010A00");
        yield return Reject(K, "amount-of-17-nines", Latin1(BankFileGenerator.Ocr([new GeneratedPayment(999_999_999_999_999.99m, PaidOn, Kid: Kid.WithMod10("1001"))])), "record 3", "amount", "MaxAmount");
        yield return Reject(K, "amount-just-over-the-maximum", Latin1(BankFileGenerator.Ocr([new GeneratedPayment(1_000_000_000.01m, PaidOn, Kid: Kid.WithMod10("1001"))])), "record 3", "amount", "MaxAmount");
        yield return Reject(K, "amount-zero", OcrWith(3, At(33, new string('0', 17))), "record 3", "amount", "above zero");
        yield return Reject(K, "minus-on-a-payment", OcrWith(3, At(32, "-")), "record 3", "sign", "reversals");
        yield return Reject(K, "nets-date-31-february", OcrWith(3, At(16, "310226")), "record 3", "Nets date", "310226");
        yield return Reject(K, "bank-date-month-13", OcrWith(4, At(42, "191326")), "record 4", "bank date", "191326");
        yield return Reject(K, "kid-with-letters", OcrWith(3, At(50, "         ABC123    1001 8")), "record 3", "KID", "ABC123");
        yield return Reject(K, "escape-in-free-text", OcrWith(7, At(16, "Faktura \u001b[31m")), "record 7", "position 24", "U+001B");
        yield return Reject(K, "nul-byte", OcrWith(4, At(60, "\0")), "record 4", "position 60", "U+0000");
        yield return Reject(K, "carriage-return-inside-a-record", OcrWith(7, At(30, "\r")), "record 7", "record length", "29");
        yield return Reject(K, "utf8-text-makes-81-characters", Encoding.UTF8.GetBytes(string.Join("\r\n", OcrLines()[..6].Append(OcrLines()[6][..16] + "Ødegård" + OcrLines()[6][23..]).Concat(OcrLines()[7..])) + "\r\n"), "record 7", "record length", "82");
        yield return Reject(K, "blank-line-in-the-middle", Ocr([.. lines[..4], "", .. lines[4..]]), "record 5", "blank lines");
        yield return Reject(K, "assignment-total-off-by-one-ore", OcrWith(8, l => At(25, (long.Parse(l.Substring(24, 17), CultureInfo.InvariantCulture) + 1).ToString("00000000000000000", CultureInfo.InvariantCulture))(l)), "record 8", "total amount", "150.01");
        yield return Reject(K, "transmission-count-wrong", OcrWith(9, At(9, "00000003")), "record 9", "number of transactions", "3");
        yield return Reject(K, "amount-item-2-missing", Ocr([.. lines[..3], .. lines[4..]]), "record 4", "amount item 2");
        yield return Reject(K, "transaction-number-repeated", Ocr([.. lines[..4], At(9, "0000001")(lines[4]), At(9, "0000001")(lines[5]), At(9, "0000001")(lines[6]), .. lines[7..]]), "record 5", "transaction number");
        yield return Reject(K, "two-transmissions-in-one-file", Ocr([.. lines, .. lines]), "record 10", "NY000089");
        yield return Reject(K, "start-record-missing", Ocr(lines[1..]), "record 1", "NY000010");
        yield return Reject(K, "20000-transactions-total-wrong-at-the-end", Huge(), "record 40004", "total amount");

        yield return Accept(K, "header-only", Ocr(lines[0], "NY000089" + "00000000" + "00000002" + new string('0', 17) + "190126" + new string('0', 33)), "0 transaction(s)");
        yield return Accept(K, "lf-line-endings", Lf(), "placed by Kid");
        yield return Accept(K, "the-same-transmission-again", Lf(), "same content");
        yield return Accept(K, "the-same-payments-in-another-transmission", Latin1(OcrText(transmission: 3)), "counted before");
        yield return Accept(K, "kid-wrong-check-digit", Latin1(BankFileGenerator.Ocr([new GeneratedPayment(100m, PaidOn, Kid: "10018", Reference: "777000001")])), "KID 10018 has a wrong check digit");
        yield return Accept(K, "amount-at-the-maximum", Latin1(BankFileGenerator.Ocr([new GeneratedPayment(1_000_000_000m, PaidOn, Text: "gave", Reference: "777000002")])), "1000000000.00 NOK not placed");
        yield return Accept(K, "latin1-text", Latin1(BankFileGenerator.Ocr([new GeneratedPayment(12.5m, PaidOn, Text: "Bjørn Ødegård faktura 1002", Reference: "777000003")])), "not placed");
    }

    /// <summary>A valid file with LF line endings that pays 100.00 of invoice 1002 by its KID.</summary>
    private static byte[] Lf() => Latin1(BankFileGenerator.Ocr([new GeneratedPayment(100m, PaidOn, Kid: Kid.WithMod10("1002"), Reference: "777000010")], transmission: 2).Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>20,000 valid transactions (40,004 records) whose end-of-transmission total is one øre off.</summary>
    private static byte[] Huge()
    {
        var text = BankFileGenerator.Ocr(Enumerable.Range(1, 20_000).Select(i => new GeneratedPayment(10m + i, PaidOn, Kid: Kid.WithMod10("1001"))));
        var all = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var last = all[^1];
        all[^1] = At(25, (long.Parse(last.Substring(24, 17), CultureInfo.InvariantCulture) + 1).ToString("00000000000000000", CultureInfo.InvariantCulture))(last);
        return Ocr(all);
    }

    private const string V8 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    /// <summary>
    /// The valid camt.054.001.08 file the corpus mutates: line 2 the Document, line 8 the Ntry, line 9 its Amt and
    /// CdtDbtInd, line 10 Sts, line 11 the dates, line 12 TxDtls, line 14 its Amt, line 15 the payer.
    /// </summary>
    public static string CamtText(string reference = "CAMTREF1", decimal amount = 200m, string? kid = null, string? rf = null, string? payer = "Kari Nordmann", string? text = null) =>
        BankFileGenerator.Camt054([new GeneratedPayment(amount, PaidOn, Kid: kid, Rf: rf, Payer: payer, Text: text, Reference: reference)]);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] CamtWith(string from, string to, string? text = null)
    {
        var source = text ?? CamtText();
        if (!source.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{from}' is not in the generated camt.054");
        }

        return Utf8(source.Replace(from, to, StringComparison.Ordinal));
    }

    private static IEnumerable<HostilePaymentFile> CamtFiles()
    {
        const string K = "camt";
        yield return Reject(K, "namespace-evil", CamtWith(V8, "urn:evil:not-camt"), "line 2", "Document", "urn:evil:not-camt");
        yield return Reject(K, "camt053-statement", CamtWith(V8, "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"), "line 3", "BkToCstmrStmt under Document (a camt.053 account statement)");
        yield return Reject(K, "no-namespace", CamtWith($" xmlns=\"{V8}\"", ""), "line 2", "Document");
        yield return Reject(K, "doctype-external-entity", CamtWith("<Document", "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Document", CamtText(payer: "ENTITY").Replace("ENTITY", "&xxe;", StringComparison.Ordinal)), "DTD", "well-formed XML");
        yield return Reject(K, "doctype-entity-expansion", CamtWith("<Document", "<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<Document", CamtText(payer: "ENTITY").Replace("ENTITY", "&c;", StringComparison.Ordinal)), "DTD", "well-formed XML");
        yield return Reject(K, "nested-100000-in-a-transaction", CamtWith("<Refs>", Nested(100_000) + "<Refs>"), "line 12", "nested at most");
        yield return Reject(K, "nested-100000-in-the-notification", CamtWith("<Id>GEN-1</Id>", Nested(100_000) + "<Id>GEN-1</Id>"), "line 6", "nested at most");
        yield return Reject(K, "cut-off", Utf8(CamtText()[..(CamtText().Length / 2)]), "well-formed XML");
        yield return Reject(K, "not-xml-after-the-angle-bracket", Utf8("<<<<>>>>"), "well-formed XML");
        yield return Reject(K, "amount-decimal-max-twice", Utf8(BankFileGenerator.Camt054([new GeneratedPayment(decimal.MaxValue, PaidOn, Payer: "A"), new GeneratedPayment(decimal.MaxValue, PaidOn, Payer: "B")])), "line 8", "Ntry/Amt", "MaxAmount");
        yield return Reject(K, "amount-beyond-decimal", CamtWith(">200.00<", ">792281625142643375935439503350.00<"), "line 8", "Ntry/Amt", "792281625142643375935439503350.00");
        yield return Reject(K, "amount-just-over-the-maximum", CamtWith(">200.00<", ">1000000000.01<"), "line 8", "Ntry/Amt", "MaxAmount");
        yield return Reject(K, "amount-with-exponent", CamtWith(">200.00<", ">2E2<"), "line 8", "Ntry/Amt", "2E2");
        yield return Reject(K, "amount-negative", CamtWith(">200.00<", ">-200.00<"), "line 8", "Ntry/Amt", "positive");
        yield return Reject(K, "currency-xyz", CamtWith("Ccy=\"NOK\"", "Ccy=\"XYZ\""), "line 8", "Ntry/Amt/@Ccy", "XYZ");
        yield return Reject(K, "currency-lowercase", CamtWith("Ccy=\"NOK\"", "Ccy=\"nok\""), "line 8", "@Ccy", "nok");
        yield return Reject(K, "currency-missing", CamtWith(" Ccy=\"NOK\"", ""), "line 8", "@Ccy");
        yield return Reject(K, "entry-amount-missing", CamtWith("<Amt Ccy=\"NOK\">200.00</Amt><CdtDbtInd>", "<CdtDbtInd>"), "line 8", "Ntry/Amt");
        yield return Reject(K, "direction-missing", CamtWith("<CdtDbtInd>CRDT</CdtDbtInd>", ""), "line 8", "CdtDbtInd");
        yield return Reject(K, "direction-credit-spelt-out", CamtWith("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>CREDIT</CdtDbtInd>"), "line 8", "CdtDbtInd", "CREDIT");
        yield return Reject(K, "booking-date-missing", CamtWith("<BookgDt><Dt>2026-01-19</Dt></BookgDt>", ""), "line 8", "BookgDt");
        yield return Reject(K, "booking-date-year-1", CamtWith("<BookgDt><Dt>2026-01-19</Dt>", "<BookgDt><Dt>0001-01-01</Dt>"), "line 8", "BookgDt", "0001-01-01");
        yield return Reject(K, "value-date-year-9999", CamtWith("<ValDt><Dt>2026-01-19</Dt>", "<ValDt><Dt>9999-12-31</Dt>"), "line 8", "ValDt", "9999-12-31");
        yield return Reject(K, "booking-date-30-february", CamtWith("<BookgDt><Dt>2026-01-19</Dt>", "<BookgDt><Dt>2026-02-30</Dt>"), "line 8", "BookgDt", "2026-02-30");
        yield return Reject(K, "notification-missing", Utf8($"<?xml version=\"1.0\"?>\n<Document xmlns=\"{V8}\"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>\n"), "Ntfctn");
        yield return Reject(K, "statement-under-the-document", CamtWith("BkToCstmrDbtCdtNtfctn>", "BkToCstmrStmt>"), "line 3", "BkToCstmrStmt");
        yield return Reject(K, "empty-entry", Utf8($"<?xml version=\"1.0\"?>\n<Document xmlns=\"{V8}\"><BkToCstmrDbtCdtNtfctn><Ntfctn>\n<Ntry/>\n</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n"), "line 3", "Ntry");
        yield return Reject(K, "control-character-reference", CamtWith("Kari Nordmann", "Kari&#27;Nordmann"), "well-formed XML");

        yield return Accept(K, "payer-name-with-crlf-and-bcc", CamtWith("CRLF", "&#13;&#10;", CamtText(reference: "CAMTREF2", payer: "KariCRLFBcc: all@evil.example")), "not placed");
        yield return Accept(K, "rf-reference-wrong-check", Utf8(CamtText(reference: "CAMTREF3", rf: "RF00" + "1001")), "wrong check (mod 97)");
        yield return Accept(K, "kid-wrong-check-digit", Utf8(CamtText(reference: "CAMTREF4", kid: "10018")), "KID 10018 has a wrong check digit");
        yield return Accept(K, "the-same-notification-twice", Utf8(CamtText(reference: "CAMTREF4", kid: "10018")), "same content");
        yield return Accept(K, "utf8-bom-and-nordic-letters", [0xEF, 0xBB, 0xBF, .. Utf8(CamtText(reference: "CAMTREF5", payer: "Bjørn Ødegård Åsheim", text: "betaling"))], "not placed");
        yield return Accept(K, "debit-entries-only-skipped", CamtWith("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>", CamtText(reference: "CAMTREF6")), "1 entr(ies) not incoming payments");
        yield return Accept(K, "nested-50-deep-in-a-transaction", CamtWith("<Refs>", Nested(50) + "<Refs>", CamtText(reference: "CAMTREF7", kid: Kid.WithMod10("1002"), amount: 800m)), "placed by Kid");
    }

    private static string Nested(int depth) => new StringBuilder(depth * 7).Insert(0, "<a>", depth).Append(new StringBuilder(depth * 4).Insert(0, "</a>", depth)).ToString();
}
