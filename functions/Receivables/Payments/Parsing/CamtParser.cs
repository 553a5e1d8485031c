using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Receivables.Common;

namespace Receivables.Payments.Parsing;

/// <summary>
/// ISO 20022 bank-to-customer cash management messages, any version <c>camt.05N.001.NN</c>: camt.054
/// (BankToCustomerDebitCreditNotification; tested on .02 and .08), camt.053 (BankToCustomerStatement, the daily
/// account statement) and camt.052 (BankToCustomerAccountReport, intraday). Their entries (<c>Ntry</c>) have one
/// structure and are read alike, each with the account of its notification, statement or report. Read with an
/// <see cref="XmlReader"/>: one entry's header fields and one <c>TxDtls</c> at a time are held in memory, never the file. Per transaction: the entry's direction (CRDT/DBIT), status (BOOK), reversal indicator and
/// booking and value dates; the transaction's amount (<c>TxDtls/Amt</c>, <c>AmtDtls/TxAmt/Amt</c>, or the entry's when
/// it has one transaction), references (end-to-end, account servicer), payer name and account, and the remittance
/// information: a structured creditor reference (digits = KID, <c>RF..</c> = ISO 11649, checked) and unstructured text.
/// </summary>
public static class CamtParser
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.";

    /// <summary>The messages read: namespace prefix, message element, the element of each account's part, and a name for reports.</summary>
    private static readonly (string Prefix, string Message, string Part, string Name)[] Messages =
    [
        (Namespace, "BkToCstmrDbtCdtNtfctn", "Ntfctn", "camt.054 notification"),
        ("urn:iso:std:iso:20022:tech:xsd:camt.053.", "BkToCstmrStmt", "Stmt", "camt.053 account statement"),
        ("urn:iso:std:iso:20022:tech:xsd:camt.052.", "BkToCstmrAcctRpt", "Rpt", "camt.052 account report"),
    ];

    /// <summary>The deepest nesting of elements read (a camt message nests about 12 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>Booking and value dates outside these are refused (the ledger's default bounds).</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static IEnumerable<BankTransaction> Read(Stream stream, string file, PaymentFileSummary summary, decimal maxAmount = (decimal)PaymentsOptions.DefaultMaxAmount)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, CloseInput = false };
        using var reader = XmlReader.Create(stream, settings);
        var xml = new SafeXml(reader, file);
        xml.MoveToContent();
        var ns = reader.NamespaceURI;
        var kind = Array.FindIndex(Messages, m => ns.StartsWith(m.Prefix, StringComparison.Ordinal));
        if (reader.LocalName != "Document" || kind < 0)
        {
            var found = string.IsNullOrEmpty(ns) ? reader.LocalName : $"{reader.LocalName} in {ns}";
            throw Fail(file, xml.Line, "Document", found, "an ISO 20022 camt.054 notification, camt.053 statement or camt.052 report (a Document in urn:iso:std:iso:20022:tech:xsd:camt.05N.001.NN)");
        }

        var (_, message, part, name) = Messages[kind];
        summary.Format = ns[(ns.LastIndexOf(':') + 1)..];
        var sawPart = false;
        string? account = null;
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == 1 && reader.LocalName != message)
            {
                throw Fail(file, xml.Line, reader.LocalName, null, $"{message} under Document (a {name})");
            }

            if (reader.Depth == 2 && reader.LocalName == part)
            {
                sawPart = true;
                account = null;
            }

            if (reader.Depth == 3 && reader.LocalName == "Acct")
            {
                // The account this part of the message is about: its entries were booked on it.
                var id = Child(xml.Load(), "Id");
                account = Text(id, "IBAN") ?? Text(Child(id, "Othr"), "Id");
                advanced = true;
                continue;
            }

            if (reader.LocalName != "Ntry")
            {
                continue;
            }

            summary.Records++;
            foreach (var transaction in ReadEntry(xml, reader, file, summary, maxAmount, account))
            {
                if (transaction.IsIncomingPayment || transaction.IsPaymentReversal)
                {
                    summary.Add(transaction);
                }
                else
                {
                    summary.Skipped++;
                }

                yield return transaction;
            }
        }

        if (!sawPart)
        {
            throw Fail(file, 0, part, null, $"at least one {part} under {message} (a {name})");
        }
    }

    private static IEnumerable<BankTransaction> ReadEntry(SafeXml xml, XmlReader reader, string file, PaymentFileSummary summary, decimal maxAmount, string? account)
    {
        var entryLine = xml.Line;
        var depth = reader.Depth;
        var entry = new Entry(entryLine, maxAmount);
        if (reader.IsEmptyElement)
        {
            throw Fail(file, entryLine, "Ntry", "", "an entry with Amt, CdtDbtInd and Sts");
        }

        xml.Read();
        var index = 0;
        Pending? waiting = null;
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            if (reader.LocalName != "NtryDtls")
            {
                entry.Take(xml.Load(), file);
                continue;
            }

            entry.Check(file);
            if (reader.IsEmptyElement)
            {
                xml.Read();
                continue;
            }

            var detailsDepth = reader.Depth;
            xml.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == detailsDepth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TxDtls")
                {
                    var line = xml.Line;
                    var details = xml.Load();
                    index++;
                    if (waiting is not null)
                    {
                        throw Fail(file, waiting.Line, "TxDtls/Amt", null, "an amount for each transaction of an entry that has several (TxDtls/Amt or TxDtls/AmtDtls/TxAmt/Amt)");
                    }

                    var amount = AmountOf(details, entry.Currency, file, line, maxAmount);
                    if (amount is null && entry.IsIncoming)
                    {
                        waiting = new Pending(details, line, index);
                        continue;
                    }

                    yield return Transaction(entry, details, amount ?? (entry.Amount, entry.Currency), line, index, file, summary, account);
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    xml.Skip();
                }
                else
                {
                    xml.Read();
                }
            }

            xml.Read();
        }

        entry.Check(file);
        if (waiting is not null)
        {
            yield return Transaction(entry, waiting.Details, (entry.Amount, entry.Currency), waiting.Line, waiting.Index, file, summary, account);
        }
        else if (index == 0)
        {
            yield return Transaction(entry, null, (entry.Amount, entry.Currency), entryLine, 0, file, summary, account);
        }
    }

    private static BankTransaction Transaction(Entry entry, XElement? details, (decimal Amount, string Currency) amount, int line, int index, string file, PaymentFileSummary summary, string? account)
    {
        var refs = details?.Elements().FirstOrDefault(e => e.Name.LocalName == "Refs");
        var endToEnd = Text(refs, "EndToEndId") is { } e2e && !e2e.Equals("NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? e2e : null;
        var txServicerRef = Text(refs, "AcctSvcrRef");
        var parties = Child(details, "RltdPties");
        var debtor = Child(parties, "Dbtr");
        var payer = Text(Child(debtor, "Pty") ?? debtor, "Nm") ?? Text(Child(Child(parties, "UltmtDbtr"), "Pty") ?? Child(parties, "UltmtDbtr"), "Nm");
        var debtorAccount = Child(Child(parties, "DbtrAcct"), "Id");
        var payerAccount = Text(debtorAccount, "IBAN") ?? Text(Child(debtorAccount, "Othr"), "Id");
        var remittance = Child(details, "RmtInf");
        var texts = new List<string>();
        string? kid = null;
        string? rf = null;
        foreach (var element in remittance?.Elements() ?? [])
        {
            if (element.Name.LocalName == "Ustrd" && Flat(element.Value) is { Length: > 0 } u)
            {
                texts.Add(u);
            }
            else if (element.Name.LocalName == "Strd")
            {
                var creditorRef = Text(Child(element, "CdtrRefInf"), "Ref");
                if (creditorRef is not null)
                {
                    var compact = CreditorReference.Normalize(creditorRef);
                    if (kid is null && compact.All(char.IsAsciiDigit))
                    {
                        kid = compact;
                    }
                    else if (rf is null && CreditorReference.IsRf(compact))
                    {
                        if (CreditorReference.IsValid(compact))
                        {
                            rf = compact;
                        }
                        else
                        {
                            summary.Warnings.Add($"{file}: line {line}, field 'CdtrRefInf/Ref', value '{creditorRef}': an ISO 11649 RF reference with a wrong check (mod 97); read as text, not as a reference");
                            texts.Add(creditorRef);
                        }
                    }
                    else
                    {
                        texts.Add(creditorRef);
                    }
                }

                foreach (var extra in element.Elements().Where(x => x.Name.LocalName == "AddtlRmtInf"))
                {
                    texts.Add(Flat(extra.Value));
                }
            }
        }

        // Statements often say what a transfer is for only in the additional information (the transaction's, or for an
        // entry without transaction details the entry's): read as free text, which matches only on an exact amount.
        if (Text(details, "AddtlTxInf") is { } additional)
        {
            texts.Add(additional);
        }
        else if (details is null && entry.AdditionalInformation is { } entryText)
        {
            texts.Add(entryText);
        }

        var raw = details?.ToString(SaveOptions.DisableFormatting) ?? "";
        var reference = txServicerRef is not null ? "camt:" + txServicerRef
            : entry.ServicerReference is not null ? string.Create(CultureInfo.InvariantCulture, $"camt:{entry.ServicerReference}:{index}:{endToEnd}")
            : "camt:sha:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{entry.Booking:yyyyMMdd}|{amount.Amount}|{amount.Currency}|{index}|{raw}"))))[..32];
        return new BankTransaction(
            summary.Format,
            line,
            reference,
            entry.IsCredit,
            entry.IsBooked,
            entry.IsReversal,
            amount.Amount,
            amount.Currency,
            entry.Booking ?? entry.Value ?? DateOnly.MinValue,
            entry.Value,
            kid,
            rf,
            texts.Count == 0 ? null : string.Join(" ", texts.Where(t => t.Length > 0)),
            payer,
            payerAccount,
            endToEnd,
            txServicerRef ?? entry.ServicerReference,
            raw)
        {
            Account = account,
        };
    }

    /// <summary>
    /// A transaction's own amount: <c>Amt</c>, else <c>AmtDtls/TxAmt/Amt</c>, else the instructed amount
    /// (<c>AmtDtls/InstdAmt/Amt</c>, as some banks write it) when it is in the entry's currency (an amount the payer
    /// instructed in another currency is not what reached the account).
    /// </summary>
    private static (decimal Amount, string Currency)? AmountOf(XElement details, string entryCurrency, string file, int line, decimal maxAmount)
    {
        var amounts = Child(details, "AmtDtls");
        var amount = Child(details, "Amt") ?? Child(Child(amounts, "TxAmt"), "Amt");
        if (amount is null && Child(Child(amounts, "InstdAmt"), "Amt") is { } instructed && instructed.Attribute("Ccy")?.Value == entryCurrency)
        {
            amount = instructed;
        }

        return amount is null ? null : ParseAmount(amount, file, line, "TxDtls/Amt", maxAmount);
    }

    private static (decimal Amount, string Currency) ParseAmount(XElement amount, string file, int line, string field, decimal maxAmount)
    {
        var text = amount.Value.Trim();
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Fail(file, line, field, text, "an amount such as 1250.00");
        }

        if (value <= 0m)
        {
            throw Fail(file, line, field, text, "a positive amount; the direction is given by CdtDbtInd, never by a sign");
        }

        if (value > maxAmount)
        {
            throw Fail(file, line, field, text, string.Create(CultureInfo.InvariantCulture, $"an amount of at most {maxAmount:0.##} ({PaymentsOptions.Section}:MaxAmount); this is not a plausible payment"));
        }

        var currency = amount.Attribute("Ccy")?.Value;
        if (currency is null || !Iso4217.IsActive(currency))
        {
            throw Fail(file, line, field + "/@Ccy", currency, "an active three-letter ISO 4217 currency code such as NOK or EUR");
        }

        return (value, currency);
    }

    /// <summary>A fault located by the XML line of the element (the entry, the transaction, the field).</summary>
    private static PaymentFileException Fail(string file, int line, string? field, string? value, string expected) => new(file, line, field, value, expected, "line");

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement? parent, string name) => Child(parent, name) is { } child && Flat(child.Value) is { Length: > 0 } v ? v : null;

    /// <summary>Text as one line: tabs, carriage returns and line feeds (allowed in XML) become spaces, so a payer's name cannot break a task or a letter.</summary>
    private static string Flat(string text) => text.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 ? text.Trim() : string.Join(' ', text.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static DateOnly? DateOf(XElement element, string file, int line, string field)
    {
        var text = Text(element, "Dt") ?? Text(element, "DtTm");
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date >= EarliestDate && date <= LatestDate
                ? date
                : throw Fail(file, line, field, text, $"a date between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}");
        }

        throw Fail(file, line, field, text, "an ISO date (yyyy-MM-dd) or date-time");
    }

    private sealed record Pending(XElement Details, int Line, int Index);

    private sealed class Entry(int line, decimal maxAmount)
    {
        public decimal Amount { get; private set; }

        public string Currency { get; private set; } = "";

        public bool IsCredit { get; private set; }

        public bool IsBooked { get; private set; }

        public bool IsReversal { get; private set; }

        public DateOnly? Booking { get; private set; }

        public DateOnly? Value { get; private set; }

        public string? ServicerReference { get; private set; }

        public string? AdditionalInformation { get; private set; }

        public bool IsIncoming => IsBooked && (IsCredit || IsReversal);

        private bool hasAmount;
        private string? direction;

        public void Take(XElement element, string file)
        {
            switch (element.Name.LocalName)
            {
                case "Amt":
                    (Amount, Currency) = ParseAmount(element, file, line, "Ntry/Amt", maxAmount);
                    hasAmount = true;
                    break;
                case "CdtDbtInd":
                    direction = element.Value.Trim();
                    if (direction is not ("CRDT" or "DBIT"))
                    {
                        throw Fail(file, line, "Ntry/CdtDbtInd", direction, "CRDT or DBIT");
                    }

                    IsCredit = direction == "CRDT";
                    break;
                case "RvslInd":
                    IsReversal = element.Value.Trim() is "true" or "1";
                    break;
                case "Sts":
                    IsBooked = element.Value.Trim() == "BOOK";
                    break;
                case "BookgDt":
                    Booking = DateOf(element, file, line, "Ntry/BookgDt");
                    break;
                case "ValDt":
                    Value = DateOf(element, file, line, "Ntry/ValDt");
                    break;
                case "AcctSvcrRef":
                    ServicerReference = element.Value.Trim();
                    break;
                case "AddtlNtryInf":
                    AdditionalInformation = Flat(element.Value) is { Length: > 0 } text ? text : null;
                    break;
            }
        }

        public void Check(string file)
        {
            if (!hasAmount)
            {
                throw Fail(file, line, "Ntry/Amt", null, "the entry's amount with its currency (Ccy)");
            }

            if (direction is null)
            {
                throw Fail(file, line, "Ntry/CdtDbtInd", null, "CRDT or DBIT");
            }

            if (IsBooked && Booking is null)
            {
                throw Fail(file, line, "Ntry/BookgDt", null, "the booking date of a booked entry");
            }
        }
    }

    /// <summary>XmlReader calls that turn malformed XML into a located <see cref="PaymentFileException"/>.</summary>
    private sealed class SafeXml(XmlReader reader, string file)
    {
        public int Line => reader is IXmlLineInfo info ? info.LineNumber : 0;

        public void MoveToContent() => Guard(() => reader.MoveToContent());

        public bool Read() => Guard(() => Deep(reader.Read()));

        public void Skip() => Guard(() =>
        {
            reader.Skip();
            return true;
        });

        /// <summary>Loads the element at the reader (an entry field or one TxDtls), refusing nesting deeper than <see cref="MaxDepth"/> in it.</summary>
        public XElement Load()
        {
            var line = Line;
            var depth = reader.Depth;
            var element = Guard(() => (XElement)XNode.ReadFrom(reader));
            var open = new Stack<(XElement Element, int Depth)>();
            open.Push((element, depth));
            while (open.TryPop(out var next))
            {
                if (next.Depth > MaxDepth)
                {
                    throw Fail(file, line, element.Name.LocalName, null, string.Create(CultureInfo.InvariantCulture, $"elements nested at most {MaxDepth} deep; a camt message nests about 12"));
                }

                foreach (var child in next.Element.Elements())
                {
                    open.Push((child, next.Depth + 1));
                }
            }

            return element;
        }

        /// <summary>Refuses nesting deeper than <see cref="MaxDepth"/> (a file of 100,000 nested elements is not a notification).</summary>
        private bool Deep(bool read)
        {
            if (read && reader.Depth > MaxDepth)
            {
                throw Fail(file, Line, reader.LocalName, null, string.Create(CultureInfo.InvariantCulture, $"elements nested at most {MaxDepth} deep; a camt message nests about 12"));
            }

            return read;
        }

        private T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (XmlException e)
            {
                throw Fail(file, e.LineNumber, null, null, "well-formed XML: " + e.Message);
            }
        }
    }
}
