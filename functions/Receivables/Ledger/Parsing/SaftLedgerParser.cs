using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// Derives open receivables from a Norwegian SAF-T Financial file (schema 1.10 and 1.30), streaming: one
/// <c>Customer</c> or <c>Transaction</c> element in memory at a time.
/// <list type="bullet">
/// <item>Debtors come from MasterFiles/Customers (CustomerID, Name, Contact/Email, Contact/Telephone,
/// RegistrationNumber, PaymentTerms/Days).</item>
/// <item>Open items come from GeneralLedgerEntries lines that carry a CustomerID, grouped per customer by
/// ReferenceNumber, else SourceDocumentID: debits are the invoice, credits on the same reference settle it.</item>
/// <item>A credit with a reference of its own (a payment or credit note that does not name the invoice) becomes an
/// unapplied credit of that customer: it lowers the debtor's balance, which SAF-T cannot tie to an invoice.</item>
/// <item>An opening balance (OpeningDebitBalance − OpeningCreditBalance) becomes the item <c>OB-&lt;CustomerID&gt;</c>
/// dated the selection's start (SelectionStartDate, or the first day of PeriodStart/PeriodStartYear), due that day
/// (SAF-T does not carry its invoices).</item>
/// <item>Due date: the line's DueDate (1.30), else transaction date + the customer's PaymentTerms/Days, else + 14 days.</item>
/// <item>Checked before anything else: the namespace (<see cref="Namespace"/>), the <c>AuditFileVersion</c>
/// (<see cref="Versions"/>), the default currency (ISO 4217) and the nesting depth (at most
/// <paramref name="maxDepth"/> levels, checked while reading, so a hostile file costs linear time).</item>
/// </list>
/// </summary>
public sealed class SaftLedgerParser(int maxDepth = 64, decimal maxAmount = 1_000_000_000m)
{
    public const int DefaultTermsDays = 14;

    /// <summary>The namespace of Norwegian SAF-T Financial (every version).</summary>
    public const string Namespace = "urn:StandardAuditFile-Taxation-Financial:NO";

    /// <summary>
    /// <c>AuditFileVersion</c> values of the schemas this parser reads: 1.10 files say "1.0" (Skatteetaten's example)
    /// or "1.10"; 1.20 and 1.30 files say so.
    /// </summary>
    public static readonly IReadOnlySet<string> Versions = new HashSet<string>(StringComparer.Ordinal) { "1.0", "1.00", "1.10", "1.20", "1.30" };

    /// <summary>The SAF-T element that holds a canonical field (<see cref="CsvProfile.Fields"/>), for reports.</summary>
    public static string ColumnFor(string field) => field switch
    {
        "customer_id" => "CustomerID",
        "customer_name" => "Name",
        "customer_email" => "Contact/Email",
        "customer_phone" => "Contact/Telephone",
        "org_number" => "RegistrationNumber",
        "invoice_number" => "ReferenceNumber",
        "invoice_date" => "TransactionDate",
        "due_date" => "DueDate",
        "currency" => "DefaultCurrencyCode",
        "amount" or "open_amount" => "DebitAmount/CreditAmount",
        _ => field,
    };

    /// <summary>The line of an element read by <see cref="ReadElement"/>.</summary>
    private sealed record LineOf(int Line);

    private sealed class Customer
    {
        public required string Id { get; init; }
        public string Name { get; init; } = "";
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? OrgNumber { get; init; }
        public int? TermsDays { get; init; }
        public decimal Opening { get; init; }
        public int Line { get; init; }
    }

    private sealed class Item
    {
        public required string CustomerId { get; init; }
        public required string Reference { get; init; }
        public DateOnly Date { get; set; }
        public DateOnly? DueDate { get; set; }
        public decimal Debit { get; set; }
        public decimal Credit { get; set; }
        public string? Currency { get; set; }
        public int Line { get; set; }
    }

    public IEnumerable<LedgerRow> Read(Stream stream, LedgerDiagnostics diagnostics)
    {
        var customers = new Dictionary<string, Customer>(StringComparer.Ordinal);
        var items = new Dictionary<(string, string), Item>();
        var currency = "NOK";
        DateOnly? periodStart = null;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, IgnoreProcessingInstructions = true };
        var version = (string?)null;
        var headerLine = 0;
        int? periodStartMonth = null, periodStartYear = null;
        XmlReader? open = null;
        try
        {
            var reader = open = XmlReader.Create(stream, settings);
            var info = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.LocalName != "AuditFile")
            {
                diagnostics.Error(info.LineNumber, reader.LocalName, null, $"a SAF-T Financial file (root element AuditFile, namespace {Namespace})");
                return [];
            }

            if (reader.NamespaceURI != Namespace)
            {
                diagnostics.Error(info.LineNumber, "AuditFile xmlns", reader.NamespaceURI, $"the SAF-T Financial namespace {Namespace}; a file in {(reader.NamespaceURI.Length == 0 ? "no namespace" : "another namespace")} is not Norwegian SAF-T Financial");
                return [];
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var line = info.LineNumber;
                if (reader.Depth > maxDepth)
                {
                    diagnostics.Error(line, reader.LocalName, null, $"XML nested at most {maxDepth} levels deep (SAF-T nests about 10); this element is at level {reader.Depth}");
                    return [];
                }

                switch (reader.LocalName)
                {
                    case "Header" when reader.Depth == 1:
                        headerLine = line;
                        reader.Read();
                        break;
                    case "AuditFileVersion" when reader.Depth == 2:
                        version = reader.ReadElementContentAsString().Trim();
                        if (!Versions.Contains(version))
                        {
                            diagnostics.Error(line, "AuditFileVersion", version, $"a SAF-T Financial version this importer reads ({string.Join(", ", Versions)}: schemas 1.10 to 1.30)");
                        }

                        break;
                    case "DefaultCurrencyCode":
                        var code = reader.ReadElementContentAsString().Trim();
                        if (Iso4217.IsActive(code))
                        {
                            currency = code;
                        }
                        else
                        {
                            diagnostics.Error(line, "DefaultCurrencyCode", code, "an active ISO 4217 currency code such as NOK");
                        }

                        break;
                    case "PeriodStart" when reader.Depth == 3:
                        periodStartMonth = int.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 ? month : null;
                        break;
                    case "PeriodStartYear" when reader.Depth == 3:
                        periodStartYear = int.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9999 ? year : null;
                        break;
                    case "SelectionStartDate":
                        periodStart = Date(reader.ReadElementContentAsString(), line, "SelectionStartDate", diagnostics);
                        break;
                    case "Customer":
                        var customerElement = ReadElement(reader, diagnostics);
                        if (customerElement is null)
                        {
                            return [];
                        }

                        if (ReadCustomer(customerElement, line, diagnostics) is { } customer)
                        {
                            customers[customer.Id] = customer;
                        }

                        break;
                    case "Transaction":
                        var transaction = ReadElement(reader, diagnostics);
                        if (transaction is null)
                        {
                            return [];
                        }

                        ReadTransaction(transaction, line, currency, items, diagnostics);
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            var line = e.LineNumber > 0 ? e.LineNumber : (open as IXmlLineInfo)?.LineNumber ?? 0;
            if (e.Message.Contains("DTD", StringComparison.Ordinal))
            {
                diagnostics.Error(line, "DOCTYPE", null, "well-formed XML without a DOCTYPE: DTDs and entity declarations are refused (they can expand a small file into gigabytes)");
            }
            else
            {
                diagnostics.Error(line, null, null, "well-formed XML: " + e.Message);
            }

            return [];
        }
        finally
        {
            open?.Dispose();
        }

        // 1.10 files select by accounting period (month and year) rather than by date: the period's first day.
        periodStart ??= periodStartMonth is { } m && periodStartYear is { } y ? new DateOnly(y, m, 1) : null;
        if (version is null)
        {
            diagnostics.Error(headerLine, "Header/AuditFileVersion", null, "the SAF-T version in Header/AuditFileVersion (1.0, 1.10, 1.20 or 1.30)");
            return [];
        }

        if (customers.Count == 0 && items.Count == 0)
        {
            diagnostics.Error(0, "Customers", null, "customers (MasterFiles/Customers) or general-ledger lines with a CustomerID; this SAF-T file has neither");
            return [];
        }

        return Rows(customers, items, periodStart, currency, diagnostics);
    }

    /// <summary>
    /// Reads the element the reader is on (one customer or transaction, small) with absolute line numbers, and moves
    /// the reader past it; the file as a whole is still streamed. Built node by node (linear in the element's size) and
    /// refused, with its line, beyond <c>maxDepth</c> levels.
    /// </summary>
    private XElement? ReadElement(XmlReader reader, LedgerDiagnostics diagnostics)
    {
        var info = (IXmlLineInfo)reader;
        var startDepth = reader.Depth;
        var root = NewElement(reader, info);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return root;
        }

        var current = root;
        reader.Read();
        while (!reader.EOF && reader.Depth > startDepth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth > maxDepth)
                    {
                        diagnostics.Error(info.LineNumber, reader.LocalName, null, $"XML nested at most {maxDepth} levels deep (SAF-T nests about 10); this element is at level {reader.Depth}");
                        return null;
                    }

                    var child = NewElement(reader, info);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                    {
                        current = child;
                    }

                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? root;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(reader.Value));
                    break;
                default:
                    break;
            }

            reader.Read();
        }

        reader.Read();
        return root;
    }

    private static XElement NewElement(XmlReader reader, IXmlLineInfo info)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        element.AddAnnotation(new LineOf(info.LineNumber));
        return element;
    }

    private static int LineNumber(XElement element, int fallback) => element.Annotation<LineOf>()?.Line ?? fallback;

    private IEnumerable<LedgerRow> Rows(Dictionary<string, Customer> customers, Dictionary<(string, string), Item> items, DateOnly? periodStart, string currency, LedgerDiagnostics diagnostics)
    {
        var rows = new List<LedgerRow>();
        foreach (var customer in customers.Values.Where(c => c.Opening != 0m))
        {
            if (periodStart is not { } date)
            {
                diagnostics.Error(customer.Line, "OpeningDebitBalance", customer.Opening.ToString(CultureInfo.InvariantCulture), "an opening balance dated by Header/SelectionCriteria (SelectionStartDate, or PeriodStart and PeriodStartYear); the file has neither");
                continue;
            }

            rows.Add(Row(customer, "OB-" + customer.Id, date, date, currency, customer.Opening, customer.Opening, customer.Line));
        }

        foreach (var item in items.Values)
        {
            if (!customers.TryGetValue(item.CustomerId, out var customer))
            {
                diagnostics.Warning(item.Line, "CustomerID", item.CustomerId, "a customer in MasterFiles/Customers; the line is kept with the id as name");
                customer = new Customer { Id = item.CustomerId, Name = item.CustomerId, Line = item.Line };
                customers[item.CustomerId] = customer;
            }

            var open = item.Debit - item.Credit;
            if (open == 0m)
            {
                continue;
            }

            var due = item.DueDate ?? item.Date.AddDays(customer.TermsDays ?? DefaultTermsDays);
            var amount = item.Debit > 0m ? item.Debit : -item.Credit;
            rows.Add(Row(customer, item.Reference, item.Date, due, item.Currency ?? currency, amount, open, item.Line));
        }

        return rows;
    }

    private static LedgerRow Row(Customer c, string reference, DateOnly date, DateOnly due, string currency, decimal amount, decimal open, int line) =>
        new(c.Id, reference, c.Name, c.Email, c.OrgNumber is { Length: 9 } ? CustomerType.Business : CustomerType.Consumer, c.OrgNumber, date, due, currency, amount, open, null, line, string.IsNullOrWhiteSpace(c.Phone) ? null : OneLine(c.Phone.Trim())) { DebtorLine = c.Line };

    /// <summary>Line breaks and tabs inside a name or phone (wrapped XML text) become spaces.</summary>
    private static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 ? value : value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private Customer? ReadCustomer(XElement e, int line, LedgerDiagnostics diagnostics)
    {
        var id = Child(e, "CustomerID");
        if (string.IsNullOrWhiteSpace(id))
        {
            diagnostics.Error(line, "CustomerID", null, "a CustomerID for each customer");
            return null;
        }

        var contact = e.Elements().FirstOrDefault(x => x.Name.LocalName == "Contact");
        var terms = e.Descendants().FirstOrDefault(x => x.Name.LocalName == "PaymentTerms"); // under PartyInfo in 1.10
        var org = Child(e, "RegistrationNumber")?.Replace(" ", "", StringComparison.Ordinal);
        return new Customer
        {
            Id = id.Trim(),
            Name = OneLine((Child(e, "Name") ?? Child(e, "CompanyName") ?? id).Trim()),
            Email = contact is null || string.IsNullOrWhiteSpace(Child(contact, "Email")) ? null : Child(contact, "Email")!.Trim(' '),
            Phone = contact is null ? null : Child(contact, "Telephone"),
            OrgNumber = org is { Length: 9 } && org.All(char.IsAsciiDigit) ? org : null,
            TermsDays = terms is not null && int.TryParse(Child(terms, "Days"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null,
            Opening = Amount(Child(e, "OpeningDebitBalance"), line, "OpeningDebitBalance", diagnostics) - Amount(Child(e, "OpeningCreditBalance"), line, "OpeningCreditBalance", diagnostics),
            Line = line,
        };
    }

    private void ReadTransaction(XElement transaction, int line, string currency, Dictionary<(string, string), Item> items, LedgerDiagnostics diagnostics)
    {
        var transactionDate = Date(Child(transaction, "TransactionDate"), line, "TransactionDate", diagnostics);
        var date = transactionDate ?? DateOnly.MinValue;
        foreach (var l in transaction.Elements().Where(x => x.Name.LocalName == "Line"))
        {
            var customerId = Child(l, "CustomerID")?.Trim();
            if (string.IsNullOrEmpty(customerId))
            {
                continue;
            }

            var lineNumber = LineNumber(l, line);
            if (transactionDate is null && Child(transaction, "TransactionDate") is null)
            {
                diagnostics.Error(line, "TransactionDate", null, "a TransactionDate for a transaction with customer lines");
                return;
            }

            var reference = (Child(l, "ReferenceNumber") ?? Child(l, "SourceDocumentID") ?? Child(transaction, "TransactionID") ?? "").Trim();
            var debit = Amount(l.Elements().FirstOrDefault(x => x.Name.LocalName == "DebitAmount") is { } d ? Child(d, "Amount") : null, lineNumber, "DebitAmount", diagnostics);
            var credit = Amount(l.Elements().FirstOrDefault(x => x.Name.LocalName == "CreditAmount") is { } c ? Child(c, "Amount") : null, lineNumber, "CreditAmount", diagnostics);
            var key = (customerId, reference);
            if (!items.TryGetValue(key, out var item))
            {
                item = new Item { CustomerId = customerId, Reference = reference, Date = date, Line = lineNumber };
                items[key] = item;
            }

            if (debit > 0m && (item.Debit == 0m || date < item.Date))
            {
                item.Date = date;
                item.Line = lineNumber;
            }

            item.Debit += debit;
            item.Credit += credit;
            item.DueDate ??= Date(Child(l, "DueDate"), lineNumber, "DueDate", diagnostics);
            item.Currency ??= currency;
        }
    }

    private static string? Child(XElement e, string name) => e.Elements().FirstOrDefault(x => x.Name.LocalName == name)?.Value;

    private decimal Amount(string? text, int line, string field, LedgerDiagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            if (Math.Abs(value) <= maxAmount)
            {
                return value;
            }

            diagnostics.Error(line, field, text, string.Create(CultureInfo.InvariantCulture, $"an amount of at most {maxAmount:0.##} ({LedgerOptions.Section}:MaxAmount)"));
            return 0m;
        }

        diagnostics.Error(line, field, text, "an amount with '.' as decimal separator (xs:decimal)");
        return 0m;
    }

    private static DateOnly? Date(string? text, int line, string field, LedgerDiagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(line, field, text, "a date YYYY-MM-DD (xs:date)");
        return null;
    }
}
