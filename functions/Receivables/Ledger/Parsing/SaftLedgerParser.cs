using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// Reads open receivables out of a Norwegian SAF-T Financial file (1.10 and 1.30; elements are matched by local name,
/// so a file with or without the namespace reads the same). SAF-T is a general ledger, not an open-item list, so the
/// importer reconstructs open items per customer:
/// <list type="bullet">
/// <item>every debit line with a <c>CustomerID</c> is (part of) an invoice numbered by its <c>ReferenceNumber</c>, else
/// <c>SourceDocumentID</c>, else <c>TransactionID</c>; dated by the transaction date; due on its <c>DueDate</c>, else
/// the invoice date plus the customer's <c>PaymentTerms/Days</c>, else plus <see cref="DefaultTermDays"/>; KID from <c>CID</c>;</item>
/// <item>an opening debit balance is one item numbered <c>OPENING</c>, dated and due on the first day of the selection;</item>
/// <item>credit lines (payments, credit notes) settle the invoice with the same reference first, then the oldest
/// invoices first (FIFO); credit left over is one credit item numbered <c>CREDIT</c>;</item>
/// <item>the result is checked against the customer's closing balance; a difference is a warning.</item>
/// </list>
/// Streams the file (one transaction in memory at a time); the customer lines are kept until the end.
/// </summary>
public sealed class SaftLedgerParser
{
    public const int DefaultTermDays = 14;

    public IEnumerable<LedgerRow> Read(Stream stream, LedgerDiagnostics diagnostics)
    {
        var file = Load(stream, diagnostics);
        return file is null ? [] : file.OpenItems(diagnostics);
    }

    private static SaftFile? Load(Stream stream, LedgerDiagnostics diagnostics)
    {
        var file = new SaftFile();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true, CloseInput = false });
        var info = (IXmlLineInfo)reader;
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "AuditFile")
            {
                diagnostics.Error(info.LineNumber, null, "<" + reader.Name + ">", "a SAF-T Financial file (root element AuditFile); this XML is something else");
                return null;
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Header":
                        file.ReadHeader((XElement)XNode.ReadFrom(reader));
                        break;
                    case "Customer":
                        file.AddCustomer(LoadElement(reader), diagnostics);
                        break;
                    case "Transaction":
                        file.AddTransaction(LoadElement(reader), diagnostics);
                        break;
                    case "Supplier" or "Account" or "TaxTable" or "UOMTable" or "AnalysisTypeTable" or "Owner":
                        reader.Skip();
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
            return null;
        }

        if (!file.HasHeader)
        {
            diagnostics.Error(0, "Header", null, "a SAF-T Header element (with DefaultCurrencyCode)");
            return null;
        }

        return file;
    }

    /// <summary>Loads the element the reader is on, keeping absolute line numbers, and moves past it.</summary>
    private static XElement LoadElement(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement? parent, string name) => Child(parent, name)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static int LineOf(XObject element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private sealed class SaftFile
    {
        private readonly Dictionary<string, Customer> customers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Posting>> postings = new(StringComparer.Ordinal);
        private DateOnly? selectionStart;
        private DateOnly? earliest;

        public bool HasHeader { get; private set; }

        public string Currency { get; private set; } = "NOK";

        public void ReadHeader(XElement header)
        {
            HasHeader = true;
            Currency = Text(header, "DefaultCurrencyCode")?.ToUpperInvariant() ?? "NOK";
            var selection = Child(header, "SelectionCriteria");
            if (DateOnly.TryParseExact(Text(selection, "SelectionStartDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                selectionStart = start;
            }
            else if (int.TryParse(Text(selection, "PeriodStartYear"), CultureInfo.InvariantCulture, out var year) && int.TryParse(Text(selection, "PeriodStart"), CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                selectionStart = new DateOnly(year, month, 1);
            }
        }

        public void AddCustomer(XElement element, LedgerDiagnostics d)
        {
            var id = Text(element, "CustomerID");
            if (id is null)
            {
                d.Error(LineOf(element), "CustomerID", "", "a CustomerID on every Customer");
                return;
            }

            var balances = element.Descendants().Where(e => e.Name.LocalName.EndsWith("Balance", StringComparison.Ordinal)).ToList();
            decimal Sum(string name) => balances.Where(b => b.Name.LocalName == name).Sum(b => Amount(b, d) ?? 0m);
            var hasClosing = balances.Any(b => b.Name.LocalName.StartsWith("Closing", StringComparison.Ordinal));
            var partyType = Text(element.Descendants().FirstOrDefault(e => e.Name.LocalName == "PartyInfo"), "Type");
            var org = Text(element, "RegistrationNumber");
            var type = partyType is not null
                ? (partyType.Equals("Private", StringComparison.OrdinalIgnoreCase) || partyType.Equals("Person", StringComparison.OrdinalIgnoreCase) ? CustomerType.Consumer : CustomerType.Business)
                : org is not null && org.Length == 9 && org.All(char.IsAsciiDigit) ? CustomerType.Business : CustomerType.Consumer;
            var email = element.Descendants().Where(e => e.Name.LocalName == "Email").Select(e => e.Value.Trim()).FirstOrDefault(e => e.Contains('@', StringComparison.Ordinal));
            var days = element.Descendants().Where(e => e.Name.LocalName == "PaymentTerms").Select(p => Text(p, "Days")).FirstOrDefault(v => v is not null);
            customers[id] = new Customer(
                id,
                Text(element, "Name") ?? id,
                email,
                type,
                type == CustomerType.Business ? org : null,
                int.TryParse(days, CultureInfo.InvariantCulture, out var termDays) && termDays >= 0 ? termDays : null,
                Sum("OpeningDebitBalance") - Sum("OpeningCreditBalance"),
                hasClosing ? Sum("ClosingDebitBalance") - Sum("ClosingCreditBalance") : null,
                LineOf(element));
        }

        public void AddTransaction(XElement transaction, LedgerDiagnostics d)
        {
            var transactionId = Text(transaction, "TransactionID");
            var dateText = Text(transaction, "TransactionDate");
            DateOnly? transactionDate = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var td) ? td : null;
            foreach (var line in transaction.Elements().Where(e => e.Name.LocalName == "Line"))
            {
                var customerId = line.Descendants().FirstOrDefault(e => e.Name.LocalName == "CustomerID")?.Value.Trim();
                if (string.IsNullOrEmpty(customerId))
                {
                    continue;
                }

                var lineNumber = LineOf(line);
                var date = transactionDate;
                if (date is null)
                {
                    if (!DateOnly.TryParseExact(Text(line, "ValueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var valueDate))
                    {
                        d.Error(LineOf(transaction), "TransactionDate", dateText ?? "", "a date as yyyy-MM-dd");
                        continue;
                    }

                    date = valueDate;
                }

                var debit = Amount(Child(Child(line, "DebitAmount"), "Amount"), d);
                var credit = Amount(Child(Child(line, "CreditAmount"), "Amount"), d);
                if (debit is null && credit is null)
                {
                    d.Error(lineNumber, "DebitAmount", "", "a DebitAmount or CreditAmount on a customer line");
                    continue;
                }

                DateOnly? due = null;
                var dueText = Text(line, "DueDate");
                if (dueText is not null)
                {
                    if (DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        due = parsed;
                    }
                    else
                    {
                        d.Error(lineNumber, "DueDate", dueText, "a date as yyyy-MM-dd");
                        continue;
                    }
                }

                var reference = Text(line, "ReferenceNumber") ?? Text(line, "SourceDocumentID") ?? transactionId ?? lineNumber.ToString(CultureInfo.InvariantCulture);
                if (!postings.TryGetValue(customerId, out var list))
                {
                    postings[customerId] = list = [];
                }

                list.Add(new Posting(reference, date.Value, due, (debit ?? 0m) - (credit ?? 0m), Text(line, "CID")?.Replace(" ", "", StringComparison.Ordinal), lineNumber));
                earliest = earliest is null || date < earliest ? date : earliest;
            }
        }

        public IEnumerable<LedgerRow> OpenItems(LedgerDiagnostics d)
        {
            var start = selectionStart ?? earliest ?? new DateOnly(2000, 1, 1);
            foreach (var id in customers.Keys.Union(postings.Keys).ToList())
            {
                if (!customers.TryGetValue(id, out var customer))
                {
                    var first = postings[id][0];
                    d.Warning(first.Line, "CustomerID", id, "a Customer in MasterFiles for every CustomerID on a line (the id is used as the name)");
                    customer = new Customer(id, id, null, CustomerType.Business, null, null, 0m, null, first.Line);
                }

                foreach (var row in OpenItemsOf(customer, postings.GetValueOrDefault(id) ?? [], start, d))
                {
                    yield return row;
                }
            }
        }

        private IEnumerable<LedgerRow> OpenItemsOf(Customer c, List<Posting> lines, DateOnly start, LedgerDiagnostics d)
        {
            var invoices = new List<Item>();
            if (c.Opening > 0m)
            {
                invoices.Add(new Item("OPENING", start, start, c.Opening, null, c.Line));
            }

            var byReference = new Dictionary<string, Item>(StringComparer.Ordinal);
            var credit = c.Opening < 0m ? -c.Opening : 0m;
            var lastCredit = start;
            var referencedCredits = new List<Posting>();
            foreach (var p in lines.Where(p => p.Net > 0m))
            {
                if (byReference.TryGetValue(p.Reference, out var existing))
                {
                    existing.Amount += p.Net;
                    existing.Due ??= p.Due;
                    existing.Kid ??= p.Kid;
                    continue;
                }

                var item = new Item(p.Reference, p.Date, p.Due, p.Net, p.Kid, p.Line);
                byReference[p.Reference] = item;
                invoices.Add(item);
            }

            foreach (var p in lines.Where(p => p.Net < 0m))
            {
                lastCredit = p.Date > lastCredit ? p.Date : lastCredit;
                if (byReference.TryGetValue(p.Reference, out var invoice))
                {
                    var settle = Math.Min(invoice.Open, -p.Net);
                    invoice.Paid += settle;
                    credit += -p.Net - settle;
                }
                else
                {
                    credit += -p.Net;
                }
            }

            foreach (var invoice in invoices.OrderBy(i => i.Date).ThenBy(i => i.Line))
            {
                var settle = Math.Min(invoice.Open, credit);
                invoice.Paid += settle;
                credit -= settle;
            }

            var open = invoices.Sum(i => i.Open) - credit;
            if (c.Closing is { } closing && closing != open)
            {
                d.Warning(c.Line, "ClosingDebitBalance", SnapshotFormat.Amount(closing), $"a closing balance equal to opening balance plus the customer lines ({SnapshotFormat.Amount(open)}); the file may not contain every transaction");
            }

            foreach (var invoice in invoices.Where(i => i.Open > 0m))
            {
                var due = invoice.Due ?? invoice.Date.AddDays(c.TermDays ?? DefaultTermDays);
                yield return new LedgerRow(c.Id, invoice.Reference, c.Name, c.Email, c.Type, c.OrgNumber, invoice.Date, due, Currency, invoice.Amount, invoice.Open, invoice.Kid, invoice.Line);
            }

            if (credit > 0m)
            {
                yield return new LedgerRow(c.Id, "CREDIT", c.Name, c.Email, c.Type, c.OrgNumber, lastCredit, lastCredit, Currency, -credit, -credit, null, c.Line);
            }
        }

        private static decimal? Amount(XElement? element, LedgerDiagnostics d)
        {
            if (element is null)
            {
                return null;
            }

            if (decimal.TryParse(element.Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return Rounding.ToMinorUnit(amount);
            }

            d.Error(LineOf(element), element.Name.LocalName, element.Value, "an amount with '.' as decimal separator");
            return null;
        }
    }

    private sealed record Customer(string Id, string Name, string? Email, CustomerType Type, string? OrgNumber, int? TermDays, decimal Opening, decimal? Closing, int Line);

    private sealed record Posting(string Reference, DateOnly Date, DateOnly? Due, decimal Net, string? Kid, int Line);

    private sealed class Item(string reference, DateOnly date, DateOnly? due, decimal amount, string? kid, int line)
    {
        public string Reference { get; } = reference;

        public DateOnly Date { get; } = date;

        public DateOnly? Due { get; set; } = due;

        public decimal Amount { get; set; } = amount;

        public string? Kid { get; set; } = kid;

        public int Line { get; } = line;

        public decimal Paid { get; set; }

        public decimal Open => Amount - Paid;
    }
}
