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
/// dated the selection's start, due that day (SAF-T does not carry its invoices).</item>
/// <item>Due date: the line's DueDate (1.30), else transaction date + the customer's PaymentTerms/Days, else + 14 days.</item>
/// </list>
/// </summary>
public sealed class SaftLedgerParser
{
    public const int DefaultTermsDays = 14;

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
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            var info = (IXmlLineInfo)reader;
            reader.MoveToContent();
            if (reader.LocalName != "AuditFile")
            {
                diagnostics.Error(info.LineNumber, reader.LocalName, null, "a SAF-T Financial file (root element AuditFile, namespace urn:StandardAuditFile-Taxation-Financial:NO)");
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
                switch (reader.LocalName)
                {
                    case "DefaultCurrencyCode":
                        currency = reader.ReadElementContentAsString().Trim() is { Length: 3 } code ? code : currency;
                        break;
                    case "SelectionStartDate":
                        periodStart = Date(reader.ReadElementContentAsString(), line, "SelectionStartDate", diagnostics);
                        break;
                    case "Customer":
                        var customer = ReadCustomer(ReadElement(reader), line, diagnostics);
                        if (customer is not null)
                        {
                            customers[customer.Id] = customer;
                        }

                        break;
                    case "Transaction":
                        ReadTransaction(ReadElement(reader), line, currency, items, diagnostics);
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            diagnostics.Error(e.LineNumber, null, null, "well-formed XML: " + e.Message);
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
    /// the reader past it; the file as a whole is still streamed.
    /// </summary>
    private static XElement ReadElement(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    private static IEnumerable<LedgerRow> Rows(Dictionary<string, Customer> customers, Dictionary<(string, string), Item> items, DateOnly? periodStart, string currency, LedgerDiagnostics diagnostics)
    {
        var rows = new List<LedgerRow>();
        foreach (var customer in customers.Values.Where(c => c.Opening != 0m))
        {
            var date = periodStart ?? DateOnly.MinValue;
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
        new(c.Id, reference, c.Name, c.Email, c.OrgNumber is { Length: 9 } ? CustomerType.Business : CustomerType.Consumer, c.OrgNumber, date, due, currency, amount, open, null, line, string.IsNullOrWhiteSpace(c.Phone) ? null : c.Phone.Trim());

    private static Customer? ReadCustomer(XElement e, int line, LedgerDiagnostics diagnostics)
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
            Name = (Child(e, "Name") ?? Child(e, "CompanyName") ?? id).Trim(),
            Email = contact is null ? null : Child(contact, "Email"),
            Phone = contact is null ? null : Child(contact, "Telephone"),
            OrgNumber = org is { Length: 9 } && org.All(char.IsAsciiDigit) ? org : null,
            TermsDays = terms is not null && int.TryParse(Child(terms, "Days"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null,
            Opening = Amount(Child(e, "OpeningDebitBalance"), line, "OpeningDebitBalance", diagnostics) - Amount(Child(e, "OpeningCreditBalance"), line, "OpeningCreditBalance", diagnostics),
            Line = line,
        };
    }

    private static void ReadTransaction(XElement transaction, int line, string currency, Dictionary<(string, string), Item> items, LedgerDiagnostics diagnostics)
    {
        var date = Date(Child(transaction, "TransactionDate"), line, "TransactionDate", diagnostics) ?? DateOnly.MinValue;
        foreach (var l in transaction.Elements().Where(x => x.Name.LocalName == "Line"))
        {
            var customerId = Child(l, "CustomerID")?.Trim();
            if (string.IsNullOrEmpty(customerId))
            {
                continue;
            }

            var lineNumber = ((IXmlLineInfo)l).HasLineInfo() ? ((IXmlLineInfo)l).LineNumber : line;
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

    private static decimal Amount(string? text, int line, string field, LedgerDiagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
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
