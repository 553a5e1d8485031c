using System.Text;
using Receivables.Ledger;

namespace Receivables.Tests.Ledger.Hostile;

/// <summary>
/// The manifest of the hostile-input corpus: ledger files (canonical CSV, the Norwegian export, SAF-T) generated here,
/// each with its expected outcome. Values are those reported in issue #20 (a 5,000-character id, a 10 MiB name, ids
/// with '/', '#', '?', '\', an email carrying CRLF and a Bcc header, year-1 and year-9999 dates, a foreign SAF-T
/// namespace, currency XYZ, decimal.MaxValue, 100,000 nested elements, misspelled columns) and their neighbours.
/// </summary>
internal static class HostileCorpus
{
    public const string Good = "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,400.00,";

    private const string NbHeader = "Kundenr;Kundenavn;E-post;Kundetype;Organisasjonsnr;Fakturanr;Fakturadato;Forfallsdato;Valuta;Beløp;Restbeløp;KID";
    private const string NbGood = "30001;Bjørn Ødegård;bjorn@example.no;Privat;;9001;14.08.2026;28.08.2026;NOK;3 450,75;1 200,50;";

    public static IReadOnlyList<HostileFile> All() => [.. Csv(), .. Norwegian(), .. SaftFiles()];

    /// <summary>A canonical file whose line 3 is <paramref name="row"/> (line 2 is a good row).</summary>
    private static byte[] Canonical(string row, string header = LedgerKit.Header) => Encoding.UTF8.GetBytes(header + "\n" + Good + "\n" + row + "\n");

    private static string Row(string id = "D2", string name = "Kari Nordmann", string email = "kari@example.no", string type = "consumer", string org = "", string invoice = "F-2", string invoiceDate = "2026-10-01", string dueDate = "2026-10-31", string currency = "NOK", string amount = "500.00", string open = "500.00", string kid = "") =>
        string.Join(',', id, name, email, type, org, invoice, invoiceDate, dueDate, currency, amount, open, kid);

    private static HostileFile Reject(string kind, string name, byte[] content, params string[] mentions) => new(name, kind, content, true, mentions);

    private static HostileFile Accept(string kind, string name, byte[] content, params string[] warnings) => new(name, kind, content, false, warnings);

    private static IEnumerable<HostileFile> Csv()
    {
        const string K = "csv";
        yield return Reject(K, "id-5000-characters", Canonical(Row(id: new string('A', 5000))), "line 3", "customer_id", "5,000 characters");
        yield return Reject(K, "name-10-mib", Canonical(Row(name: new string('x', 10 * 1024 * 1024))), "line 3", "customer_name", "10,485,760");
        yield return Reject(K, "name-201-characters", Canonical(Row(name: new string('n', 201))), "line 3", "customer_name", "201");
        yield return Reject(K, "invoice-number-300", Canonical(Row(invoice: new string('9', 300))), "line 3", "invoice_number", "300 characters");
        foreach (var (label, c) in new[] { ("slash", "/"), ("hash", "#"), ("question-mark", "?"), ("backslash", "\\"), ("pipe", "|") })
        {
            yield return Reject(K, $"id-with-{label}", Canonical(Row(id: $"D{c}2")), "line 3", "customer_id", $"'{c}'");
            yield return Reject(K, $"invoice-with-{label}", Canonical(Row(invoice: $"F{c}2")), "line 3", "invoice_number", $"'{c}'");
        }

        yield return Reject(K, "id-dot-dot", Canonical(Row(id: "..")), "line 3", "customer_id", "'.'");
        yield return Reject(K, "id-control-character-nel", Canonical(Row(id: "D\u00852")), "line 3", "customer_id", "U+0085");
        yield return Reject(K, "id-control-byte-0x01", Canonical(Row(id: "D\u00012")), "control byte 0x01");
        yield return Reject(K, "id-ends-with-dot", Canonical(Row(id: "D2.")), "line 3", "customer_id", "'.'");
        yield return Reject(K, "name-with-escape-sequence", Canonical(Row(name: "Kari \u009B31m Nordmann")), "line 3", "customer_name", "U+009B");
        yield return Reject(K, "email-crlf-bcc", Canonical(Row(email: "\"kari@example.no\r\nBcc: everyone@evil.example\"")), "line 3", "customer_email", "U+000D");
        yield return Reject(K, "email-lf-header", Canonical(Row(email: "\"kari@example.no\nSubject: free money\"")), "line 3", "customer_email", "U+000A");
        yield return Reject(K, "email-tab", Canonical(Row(email: "kari@example.no\tx")), "line 3", "customer_email", "U+0009");
        yield return Reject(K, "email-300-characters", Canonical(Row(email: new string('k', 290) + "@example.no")), "line 3", "customer_email", "254");
        yield return Reject(K, "due-date-year-1", Canonical(Row(dueDate: "0001-01-01")), "line 3", "due_date", "0001-01-01");
        yield return Reject(K, "due-date-year-9999", Canonical(Row(dueDate: "9999-12-31")), "line 3", "due_date", "9999-12-31");
        yield return Reject(K, "invoice-date-1899", Canonical(Row(invoiceDate: "1899-12-31")), "line 3", "invoice_date", "1899-12-31");
        yield return Reject(K, "currency-xyz", Canonical(Row(currency: "XYZ")), "line 3", "currency", "XYZ");
        yield return Reject(K, "currency-lowercase-unknown", Canonical(Row(currency: "abc")), "line 3", "currency", "ABC");
        yield return Reject(K, "currency-four-letters", Canonical(Row(currency: "NOKK")), "line 3", "currency", "NOKK");
        yield return Reject(K, "amount-decimal-max", Canonical(Row(amount: "79228162514264337593543950335", open: "79228162514264337593543950335")), "line 3", "amount", "MaxAmount");
        yield return Reject(K, "credit-note-decimal-min", Canonical(Row(amount: "-79228162514264337593543950335", open: "-79228162514264337593543950335")), "line 3", "amount", "MaxAmount");
        yield return Reject(K, "amount-beyond-decimal", Canonical(Row(amount: "792281625142643375935439503350", open: "1.00")), "line 3", "amount", "792281625142643375935439503350");
        yield return Reject(K, "amount-just-over-maximum", Canonical(Row(amount: "1000000000.01", open: "1.00")), "line 3", "amount", "1000000000.01");
        yield return Reject(K, "amount-exponent", Canonical(Row(amount: "1e30", open: "1.00")), "line 3", "amount", "1e30");
        yield return Reject(K, "kid-30-digits", Canonical(Row(kid: new string('1', 30))), "line 3", "kid", "25 digits");
        yield return Reject(K, "kid-letters", Canonical(Row(kid: "ABC123")), "line 3", "kid", "ABC123");
        yield return Reject(K, "org-number-40-characters", Canonical(Row(org: new string('9', 40), type: "business")), "line 3", "org_number", "40");
        yield return Reject(K, "phone-50-characters", Encoding.UTF8.GetBytes(LedgerKit.Header + ",customer_phone\n" + Good + ",\n" + Row() + "," + new string('4', 50) + "\n"), "line 3", "customer_phone", "50");
        yield return Reject(K, "header-custmer_email", Canonical(Row(), LedgerKit.Header.Replace("customer_email", "custmer_email", StringComparison.Ordinal)), "line 1", "custmer_email", "customer_email");
        yield return Reject(K, "header-customer_typ", Canonical(Row(), LedgerKit.Header.Replace("customer_type", "customer_typ", StringComparison.Ordinal)), "line 1", "customer_typ", "customer_type");
        // Case, spaces, dashes and dots in a column name do not matter: "Customer-Email" is customer_email (not a typo).
        yield return Accept(K, "header-customer-email-dashed", Canonical(Row(), LedgerKit.Header.Replace("customer_email", "Customer-Email", StringComparison.Ordinal)));
        yield return Reject(K, "header-customer-emial", Canonical(Row(), LedgerKit.Header.Replace("customer_email", "customer-emial", StringComparison.Ordinal)), "line 1", "customer-emial", "customer_email");
        yield return Reject(K, "header-kid-swapped-letters", Canonical(Row(), LedgerKit.Header.Replace("org_number", "org_nubmer", StringComparison.Ordinal)), "line 1", "org_nubmer", "org_number");

        yield return Accept(K, "email-without-at", Canonical(Row(email: "kari.example.no")), "line 3", "customer_email", "dropped");
        yield return Accept(K, "email-two-addresses", Canonical(Row(email: "\"kari@example.no; ola@example.no\"")), "line 3", "customer_email", "dropped");
        yield return Accept(K, "email-with-display-name", Canonical(Row(email: "Kari <kari@example.no>")), "line 3", "customer_email", "dropped");
        yield return Accept(K, "no-debtor-has-an-email", Encoding.UTF8.GetBytes(LedgerKit.Header + "\n" + Good.Replace("post@fjellheim.example", "", StringComparison.Ordinal) + "\n" + Row(email: "") + "\n"), "NO DEBTOR HAS AN EMAIL", "customer_email");
        yield return Accept(K, "no-email-column", Encoding.UTF8.GetBytes("customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_amount\nD1,Fjellheim Bygg AS,F-1,2026-10-01,2026-10-31,1000.00,400.00\n"), "NO DEBTOR HAS AN EMAIL");
        yield return Accept(K, "due-before-the-first-late-payment-rate", Canonical(Row(invoiceDate: "2019-11-01", dueDate: "2019-12-01")), "line 3", "due_date", "Receivables:Dunning:Rates");
        yield return Accept(K, "kid-bad-check-digit", Canonical(Row(kid: "12345")), "line 3", "kid", "12345");
        yield return Accept(K, "due-before-invoice-date", Canonical(Row(invoiceDate: "2026-10-20", dueDate: "2026-10-01")), "line 3", "due_date");
        yield return Accept(K, "names-with-emoji-and-aeoeaa", Canonical(Row(name: "Bjørn Ærlig Åsheim 🐟")));
        yield return Accept(K, "id-of-100-characters", Canonical(Row(id: new string('7', 100))));
        yield return Accept(K, "amount-at-the-maximum", Canonical(Row(amount: "1000000000.00", open: "1000000000.00")));
        yield return Accept(K, "dates-at-the-bounds", Canonical(Row(invoiceDate: "1990-01-01", dueDate: "2100-12-31")));
        yield return Accept(K, "extra-unrelated-column", Encoding.UTF8.GetBytes(LedgerKit.Header + ",notes\n" + Good + ",paid by card?\n" + Row() + ",\n"));
    }

    private static byte[] Nb(string row, string header = NbHeader) => Encoding.UTF8.GetBytes(header + "\r\n" + NbGood + "\r\n" + row + "\r\n");

    private static string NbRow(string id = "30002", string email = "kari@example.no", string dueDate = "31.10.2026", string currency = "NOK", string amount = "500,00") =>
        $"{id};Kari Nordmann;{email};Privat;;9002;01.10.2026;{dueDate};{currency};{amount};{amount};";

    private static IEnumerable<HostileFile> Norwegian()
    {
        const string K = "norwegian";
        yield return Reject(K, "header-epost", Nb(NbRow(), NbHeader.Replace("E-post", "E-psot", StringComparison.Ordinal)), "line 1", "E-psot", "E-post");
        yield return Reject(K, "header-kundetyp", Nb(NbRow(), NbHeader.Replace("Kundetype", "Kundetyp", StringComparison.Ordinal)), "line 1", "Kundetyp", "Kundetype");
        yield return Reject(K, "header-organisasjonsnr-typo", Nb(NbRow(), NbHeader.Replace("Organisasjonsnr", "Organisajonsnr", StringComparison.Ordinal)), "line 1", "Organisajonsnr", "Organisasjonsnr");
        yield return Reject(K, "id-5000-characters", Nb(NbRow(id: new string('3', 5000))), "line 3", "Kundenr", "5,000 characters");
        yield return Reject(K, "id-with-slash", Nb(NbRow(id: "30/02")), "line 3", "Kundenr", "'/'");
        yield return Reject(K, "email-crlf-bcc", Nb(NbRow(email: "\"kari@example.no\r\nBcc: all@evil.example\"")), "line 3", "E-post", "U+000D");
        yield return Reject(K, "due-date-year-1", Nb(NbRow(dueDate: "01.01.0001")), "line 3", "Forfallsdato", "0001-01-01");
        yield return Reject(K, "due-date-year-9999", Nb(NbRow(dueDate: "31.12.9999")), "line 3", "Forfallsdato", "9999-12-31");
        yield return Reject(K, "currency-xyz", Nb(NbRow(currency: "XYZ")), "line 3", "Valuta", "XYZ");
        yield return Reject(K, "amount-decimal-max", Nb(NbRow(amount: "79 228 162 514 264 337 593 543 950 335,00")), "line 3", "Beløp");
        yield return Accept(K, "no-debtor-has-an-email", Encoding.UTF8.GetBytes(NbHeader + "\r\n" + NbGood.Replace("bjorn@example.no", "", StringComparison.Ordinal) + "\r\n" + NbRow(email: "") + "\r\n"), "NO DEBTOR HAS AN EMAIL", "E-post");
        yield return Accept(K, "email-without-at", Nb(NbRow(email: "kari(at)example.no")), "line 3", "E-post", "dropped");
    }

    private static IEnumerable<HostileFile> SaftFiles()
    {
        const string K = "saft";
        yield return Reject(K, "namespace-evil", SaftFile(ns: "urn:evil:not-saft"), "line 2", "xmlns", "urn:evil:not-saft");
        yield return Reject(K, "no-namespace", SaftFile(ns: ""), "line 2", "xmlns", "no namespace");
        yield return Reject(K, "version-2", SaftFile(version: "2.00"), "line 4", "AuditFileVersion", "2.00");
        yield return Reject(K, "version-missing", SaftFile(version: null), "line 3", "AuditFileVersion");
        yield return Reject(K, "currency-xyz", SaftFile(currency: "XYZ"), "line 5", "DefaultCurrencyCode", "XYZ");
        yield return Reject(K, "customer-id-with-slash", SaftFile(customerId: "K/1"), $"line {SaftCustomerLine}", "CustomerID", "'/'");
        yield return Reject(K, "customer-id-5000-characters", SaftFile(customerId: new string('K', 5000)), $"line {SaftCustomerLine}", "CustomerID", "5,000 characters");
        yield return Reject(K, "name-10-mib", SaftFile(name: new string('y', 10 * 1024 * 1024)), $"line {SaftCustomerLine}", "Name", "10,485,760");
        yield return Reject(K, "email-crlf-bcc", SaftFile(email: "kari@example.no&#13;&#10;Bcc: all@evil.example"), $"line {SaftCustomerLine}", "Contact/Email", "U+000D");
        yield return Reject(K, "transaction-date-year-1", SaftFile(transactionDate: "0001-01-01"), $"line {SaftLineLine}", "TransactionDate", "0001-01-01");
        yield return Reject(K, "due-date-year-9999", SaftFile(dueDate: "9999-12-31"), $"line {SaftLineLine}", "DueDate", "9999-12-31");
        yield return Reject(K, "amount-decimal-max", SaftFile(amount: "79228162514264337593543950335"), $"line {SaftLineLine}", "DebitAmount", "79228162514264337593543950335");
        yield return Reject(K, "reference-with-hash", SaftFile(reference: "F#1"), $"line {SaftLineLine}", "ReferenceNumber", "'#'");
        yield return Reject(K, "nested-100000-in-a-customer", SaftNested(100_000, insideCustomer: true), "line 10", "nested at most");
        yield return Reject(K, "nested-100000-at-the-top", SaftNested(100_000, insideCustomer: false), "line 10", "nested at most");
        yield return Reject(K, "dtd-entity-expansion", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE AuditFile [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<AuditFile xmlns=\"" + SaftLedgerParser.Namespace + "\">&b;</AuditFile>\n"), "DOCTYPE", "well-formed XML");
        yield return Reject(K, "cut-off", SaftFile().AsSpan(0, SaftFile().Length / 2).ToArray(), "well-formed XML");
        yield return Accept(K, "minimal-valid");
        yield return Accept(K, "no-debtor-has-an-email", SaftFile(email: null), "NO DEBTOR HAS AN EMAIL", "Contact/Email");
        yield return Accept(K, "email-with-spaces", SaftFile(email: "kari at example.no"), $"line {SaftCustomerLine}", "Contact/Email", "dropped");
        yield return Accept(K, "nested-58-deep-in-a-customer", SaftNested(58, insideCustomer: true));
    }

    private static HostileFile Accept(string kind, string name) => Accept(kind, name, SaftFile(customerId: "K-" + name));

    /// <summary>Lines of the generated SAF-T file's Customer, Transaction and Line elements.</summary>
    private const int SaftCustomerLine = 10;
    private const int SaftLineLine = 19;

    public static byte[] SaftFile(string ns = SaftLedgerParser.Namespace, string? version = "1.30", string currency = "NOK", string customerId = "K1", string name = "Kari Nordmann", string? email = "kari@example.no", string transactionDate = "2026-10-01", string dueDate = "2026-10-31", string amount = "1250.00", string reference = "F-1")
    {
        var lines = new List<string>
        {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            ns.Length == 0 ? "<AuditFile>" : $"<AuditFile xmlns=\"{ns}\">",
            "<Header>",
            version is null ? "<SoftwareID>x</SoftwareID>" : $"<AuditFileVersion>{version}</AuditFileVersion>",
            $"<DefaultCurrencyCode>{currency}</DefaultCurrencyCode>",
            "<SelectionCriteria><SelectionStartDate>2026-01-01</SelectionStartDate></SelectionCriteria>",
            "</Header>",
            "<MasterFiles>",
            "<Customers>",
            "<Customer>", // line 10
            $"<CustomerID>{customerId}</CustomerID>",
            $"<Name>{name}</Name>",
            email is null ? "<Contact/>" : $"<Contact><Email>{email}</Email></Contact>",
            "</Customer>",
            "</Customers>",
            "</MasterFiles>",
            "<GeneralLedgerEntries><Journal><Transaction>", // line 17
            $"<TransactionDate>{transactionDate}</TransactionDate>",
            "<Line>", // line 19
            $"<CustomerID>{customerId}</CustomerID><ReferenceNumber>{reference}</ReferenceNumber><DueDate>{dueDate}</DueDate>",
            $"<DebitAmount><Amount>{amount}</Amount></DebitAmount>",
            "</Line>",
            "</Transaction></Journal></GeneralLedgerEntries>",
            "</AuditFile>",
        };
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    /// <summary>A valid file with <paramref name="depth"/> nested elements on line 10, inside its Customer or beside it.</summary>
    public static byte[] SaftNested(int depth, bool insideCustomer)
    {
        var text = Encoding.UTF8.GetString(SaftFile());
        var nested = new StringBuilder().Insert(0, "<a>", depth).Insert(depth * 3, "</a>", depth).ToString();
        text = insideCustomer
            ? text.Replace("<Customers>\n<Customer>\n", "<Customers>\n" + "<Customer>" + nested + "\n", StringComparison.Ordinal)
            : text.Replace("<Customers>\n", "<Customers>\n" + nested, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }
}
