using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Receivables.Common;

namespace Receivables.Ledger.Parsing;

/// <summary>
/// One EHF / PEPPOL BIS Billing 3.0 document (UBL 2.1 <c>Invoice</c> or <c>CreditNote</c>) as an open item to add to
/// the creditor's latest snapshot: the buyer (organisation number, else the buyer identifier, else the electronic
/// address; name; e-mail), the document number, issue and due date, currency, <c>PayableAmount</c> and
/// <c>PaymentMeans/PaymentID</c> as the KID. A credit note is negative and names the invoice it corrects
/// (<c>BillingReference/InvoiceDocumentReference/ID</c>). The BIS rules that matter for collection are checked; what is
/// missing is reported like any ledger problem (errors refuse the file, warnings are listed).
/// </summary>
public sealed class EhfLedgerParser
{
    public const string InvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public const string CreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>The element that holds a canonical field (<see cref="CsvProfile.Fields"/>), for reports.</summary>
    public static string ColumnFor(string field) => field switch
    {
        "customer_id" => "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
        "customer_name" => "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
        "customer_email" => "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail",
        "customer_phone" => "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Telephone",
        "org_number" => "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
        "invoice_number" => "cbc:ID",
        "invoice_date" => "cbc:IssueDate",
        "due_date" => "cbc:DueDate",
        "currency" => "cbc:DocumentCurrencyCode",
        "amount" or "open_amount" => "cac:LegalMonetaryTotal/cbc:PayableAmount",
        "kid" => "cac:PaymentMeans/cbc:PaymentID",
        _ => field,
    };

    /// <summary>The invoice a parsed credit note corrects (null for an invoice, or a credit note without a reference).</summary>
    public string? ReferencedInvoice { get; private set; }

    /// <summary>Whether the first element of the XML is an <c>Invoice</c> or <c>CreditNote</c> (in any namespace: a wrong one is reported).</summary>
    public static bool Looks(ReadOnlySpan<byte> prefix)
    {
        var text = System.Text.Encoding.UTF8.GetString(prefix);
        var at = 0;
        while ((at = text.IndexOf('<', at)) >= 0 && at + 1 < text.Length)
        {
            if (text[at + 1] is '?' or '!')
            {
                at++;
                continue;
            }

            var end = text.IndexOfAny([' ', '>', '\r', '\n', '\t', '/'], at + 1);
            var name = end < 0 ? text[(at + 1)..] : text[(at + 1)..end];
            var local = name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
            return local is "Invoice" or "CreditNote";
        }

        return false;
    }

    /// <summary>
    /// Adds the parsed document to the rows of the latest snapshot. An invoice the ledger already has (by number) keeps
    /// the ledger's line, which knows its payments; a credit note lowers the open amount of the invoice it corrects, and
    /// what it does not use up stays as an unapplied credit of the buyer.
    /// </summary>
    public IEnumerable<LedgerRow> AddTo(IEnumerable<LedgerRow> latest, IReadOnlyList<LedgerRow> parsed, LedgerDiagnostics diagnostics)
    {
        var document = parsed.Count == 0 ? null : parsed[0];
        var exists = false;
        var credit = document is { IsCreditNote: true } ? -document.Amount : 0m;
        var applied = false;
        foreach (var row in latest)
        {
            if (document is not null && row.InvoiceNumber == document.InvoiceNumber && !(document.IsCreditNote && row.InvoiceNumber == ReferencedInvoice))
            {
                exists = true;
                diagnostics.Warning(document.Line, "cbc:ID", document.InvoiceNumber, "a new document; the ledger already has it, and its line (which knows payments) is kept");
                yield return row;
            }
            else if (document is { IsCreditNote: true } && ReferencedInvoice is not null && row.InvoiceNumber == ReferencedInvoice && row.OpenAmount > 0m && credit > 0m)
            {
                var used = Math.Min(credit, row.OpenAmount);
                credit -= used;
                applied = true;
                yield return row with { OpenAmount = row.OpenAmount - used };
            }
            else
            {
                yield return row;
            }
        }

        if (document is null || exists)
        {
            yield break;
        }

        if (!document.IsCreditNote)
        {
            yield return document;
            yield break;
        }

        if (ReferencedInvoice is not null && !applied)
        {
            diagnostics.Warning(document.Line, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", ReferencedInvoice, "an invoice open in the ledger; the credit note is kept as an unapplied credit of the buyer");
        }

        if (credit > 0m)
        {
            // A credit note numbered like the invoice it corrects (another number series) must not take its key.
            yield return document with { InvoiceNumber = document.InvoiceNumber == ReferencedInvoice ? document.InvoiceNumber + "-CN" : document.InvoiceNumber, OpenAmount = -credit };
        }
    }

    /// <summary>The keys the parsed documents have in the ledger (<see cref="AddTo"/>: a credit note numbered like its invoice gets "-CN").</summary>
    public IEnumerable<string> Keys(IReadOnlyList<LedgerRow> parsed) =>
        parsed.Select(d => d.IsCreditNote && d.InvoiceNumber == ReferencedInvoice ? d.InvoiceNumber + "-CN" : d.InvoiceNumber);

    public IEnumerable<LedgerRow> Read(Stream stream, LedgerDiagnostics diagnostics)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            diagnostics.Error(e.LineNumber, null, null, "well-formed XML: " + e.Message);
            return [];
        }

        var root = document.Root!;
        var isInvoice = root.Name == XName.Get("Invoice", InvoiceNamespace);
        var isCredit = root.Name == XName.Get("CreditNote", CreditNoteNamespace);
        if (!isInvoice && !isCredit)
        {
            diagnostics.Error(Line(root), "root element", root.Name.ToString(), $"a UBL 2.1 Invoice ({InvoiceNamespace}) or CreditNote ({CreditNoteNamespace}): EHF / PEPPOL BIS Billing 3.0");
            return [];
        }

        var row = ReadDocument(root, isCredit, diagnostics);
        return row is null ? [] : [row];
    }

    private LedgerRow? ReadDocument(XElement root, bool isCredit, LedgerDiagnostics diagnostics)
    {
        var kind = isCredit ? "credit note" : "invoice";
        var customization = Text(root, Cbc + "CustomizationID");
        if (customization is null || !customization.Contains("poacc:billing:3.0", StringComparison.Ordinal))
        {
            diagnostics.Warning(Line(root), "cbc:CustomizationID", customization, "PEPPOL BIS Billing 3.0 (urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0); read as UBL anyway");
        }

        var number = Required(root, Cbc + "ID", "BR-02: the " + kind + " number (cbc:ID)", diagnostics);
        var issue = Date(root, root.Element(Cbc + "IssueDate"), "cbc:IssueDate", "BR-03: the issue date", diagnostics, required: true);
        var currency = Required(root, Cbc + "DocumentCurrencyCode", "BR-05: the currency (cbc:DocumentCurrencyCode)", diagnostics);
        var buyer = root.Element(Cac + "AccountingCustomerParty")?.Element(Cac + "Party");
        if (buyer is null)
        {
            diagnostics.Error(Line(root), "cac:AccountingCustomerParty", null, "BR-07/BR-08: the buyer (cac:AccountingCustomerParty/cac:Party), whom to follow up");
            return null;
        }

        var legal = buyer.Element(Cac + "PartyLegalEntity");
        var name = Text(legal, Cbc + "RegistrationName") ?? Text(buyer.Element(Cac + "PartyName"), Cbc + "Name");
        if (name is null)
        {
            diagnostics.Error(Line(buyer), "cac:PartyLegalEntity/cbc:RegistrationName", null, "BR-07: the buyer's name");
        }

        var endpoint = buyer.Element(Cbc + "EndpointID");
        if (endpoint is null)
        {
            diagnostics.Warning(Line(buyer), "cbc:EndpointID", null, "BR-63: the buyer's electronic address");
        }

        var company = legal?.Element(Cbc + "CompanyID");
        var org = Digits9(company?.Value) ?? (endpoint?.Attribute("schemeID")?.Value == "0192" ? Digits9(endpoint.Value) : null);
        var identifier = Text(buyer.Element(Cac + "PartyIdentification"), Cbc + "ID");
        var debtorId = org ?? identifier ?? endpoint?.Value.Trim();
        if (debtorId is null)
        {
            diagnostics.Error(Line(buyer), "cac:PartyLegalEntity/cbc:CompanyID", null, "the buyer's organisation number, identifier or electronic address (the debtor's id)");
        }

        var contact = buyer.Element(Cac + "Contact");
        var email = Text(contact, Cbc + "ElectronicMail");
        if (email is null)
        {
            diagnostics.Warning(Line(buyer), "cac:Contact/cbc:ElectronicMail", null, "the buyer's e-mail address, to send reminders to (none: a person must follow up)");
        }

        var totals = root.Element(Cac + "LegalMonetaryTotal");
        var payableElement = totals?.Element(Cbc + "PayableAmount");
        decimal payable = 0m;
        if (payableElement is null)
        {
            diagnostics.Error(Line(totals ?? root), "cac:LegalMonetaryTotal/cbc:PayableAmount", null, "BR-15: the amount due for payment");
        }
        else if (!decimal.TryParse(payableElement.Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out payable))
        {
            diagnostics.Error(Line(payableElement), "cbc:PayableAmount", payableElement.Value, "an amount such as 1250.00");
        }
        else if (payable < 0m)
        {
            diagnostics.Error(Line(payableElement), "cbc:PayableAmount", payableElement.Value, $"an amount of zero or more; a {kind} states what is due as a positive amount (a credit note is its own document type)");
        }
        else if (payableElement.Attribute("currencyID")?.Value is { } payableCurrency && currency is not null && payableCurrency != currency)
        {
            diagnostics.Error(Line(payableElement), "cbc:PayableAmount/@currencyID", payableCurrency, $"the document currency {currency} (BR-CL-03)");
        }

        var due = Date(root, root.Element(Cbc + "DueDate") ?? root.Element(Cac + "PaymentMeans")?.Element(Cbc + "PaymentDueDate"), "cbc:DueDate", "the payment due date", diagnostics, required: false);
        if (due is null && !isCredit)
        {
            if (root.Element(Cac + "PaymentTerms") is { } terms && payable > 0m)
            {
                diagnostics.Warning(Line(terms), "cbc:DueDate", null, "a payment due date (BT-9); only payment terms are given, so the due date is taken as the issue date + 14 days");
            }
            else if (payable > 0m)
            {
                diagnostics.Error(Line(root), "cbc:DueDate", null, "BR-CO-25: a payment due date (or payment terms) when an amount is due");
            }
        }

        string? kid = null;
        foreach (var means in root.Elements(Cac + "PaymentMeans"))
        {
            if (Text(means, Cbc + "PaymentID") is { } paymentId)
            {
                var compact = paymentId.Replace(" ", "", StringComparison.Ordinal);
                if (compact.All(char.IsAsciiDigit) && Kid.IsValid(compact))
                {
                    kid = compact;
                    break;
                }

                diagnostics.Warning(Line(means), "cac:PaymentMeans/cbc:PaymentID", paymentId, "a KID with a valid MOD10 or MOD11 check digit; payments will be matched by invoice number instead");
            }
        }

        if (isCredit)
        {
            ReferencedInvoice = Text(root.Element(Cac + "BillingReference")?.Element(Cac + "InvoiceDocumentReference"), Cbc + "ID");
            if (ReferencedInvoice is null)
            {
                diagnostics.Warning(Line(root), "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", null, "the invoice this credit note corrects; it is kept as an unapplied credit of the buyer");
            }
        }

        if (number is null || issue is null || currency is null || name is null || debtorId is null || payableElement is null || diagnostics.HasErrors)
        {
            return null;
        }

        var amount = isCredit ? -payable : payable;
        return new LedgerRow(debtorId, number, name, email, CustomerType.Business, org, issue.Value, due ?? issue.Value.AddDays(isCredit ? 0 : 14), currency, amount, amount, kid, Line(root));
    }

    private static string? Required(XElement parent, XName name, string expected, LedgerDiagnostics diagnostics)
    {
        var value = Text(parent, name);
        if (value is null)
        {
            diagnostics.Error(Line(parent), name.LocalName, null, expected);
        }

        return value;
    }

    private static DateOnly? Date(XElement root, XElement? element, string field, string expected, LedgerDiagnostics diagnostics, bool required)
    {
        if (element is null)
        {
            if (required)
            {
                diagnostics.Error(Line(root), field, null, expected + " (yyyy-MM-dd)");
            }

            return null;
        }

        if (DateOnly.TryParseExact(element.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Error(Line(element), field, element.Value, expected + " as yyyy-MM-dd");
        return null;
    }

    private static string? Text(XElement? parent, XName name) => parent?.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>A Norwegian organisation number inside a value such as <c>NO987654325MVA</c> or <c>987654325</c>.</summary>
    private static string? Digits9(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return digits.Length == 9 ? digits : null;
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;
}
