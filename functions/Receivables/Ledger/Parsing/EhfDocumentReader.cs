using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Receivables.Ledger.Parsing;

/// <summary>
/// Reads a whole EHF document for a copy (<see cref="EhfDocument"/>). Defensive like the ledger parsers: no DTD, no
/// external resolution, at most <see cref="MaxDepth"/> levels of nesting and <see cref="MaxBytes"/> bytes; anything
/// that is not a UBL 2.1 Invoice or CreditNote is null, never an exception.
/// </summary>
public static class EhfDocumentReader
{
    /// <summary>The largest EHF file a copy is made of (embedded attachments make EHF files large).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public const int MaxDepth = 64;

    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    public static EhfDocument? Read(byte[] content)
    {
        if (content.Length > MaxBytes || !WithinDepth(content))
        {
            return null;
        }

        XDocument document;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings());
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.Root!;
        var isInvoice = root.Name == XName.Get("Invoice", EhfLedgerParser.InvoiceNamespace);
        var isCredit = root.Name == XName.Get("CreditNote", EhfLedgerParser.CreditNoteNamespace);
        if ((!isInvoice && !isCredit) || Text(root, Cbc + "ID") is not { } number)
        {
            return null;
        }

        var lineName = isCredit ? "CreditNoteLine" : "InvoiceLine";
        var quantityName = isCredit ? "CreditedQuantity" : "InvoicedQuantity";
        var totals = root.Element(Cac + "LegalMonetaryTotal");
        var taxTotal = root.Elements(Cac + "TaxTotal").FirstOrDefault(t => t.Elements(Cac + "TaxSubtotal").Any()) ?? root.Element(Cac + "TaxTotal");
        return new EhfDocument(
            isCredit,
            number,
            Date(Text(root, Cbc + "IssueDate")),
            Date(Text(root, Cbc + "DueDate") ?? Text(root.Element(Cac + "PaymentMeans"), Cbc + "PaymentDueDate")),
            Text(root, Cbc + "DocumentCurrencyCode") ?? "",
            ReadParty(root.Element(Cac + "AccountingSupplierParty")?.Element(Cac + "Party")),
            ReadParty(root.Element(Cac + "AccountingCustomerParty")?.Element(Cac + "Party")),
            Text(root, Cbc + "BuyerReference"),
            Text(root.Element(Cac + "OrderReference"), Cbc + "ID"),
            [.. root.Elements(Cbc + "Note").Select(n => Clean(n.Value)).OfType<string>()],
            [.. root.Elements(Cac + lineName).Select(l => ReadLine(l, quantityName))],
            [.. root.Elements(Cac + "AllowanceCharge").Select(ReadCharge)],
            [.. (taxTotal?.Elements(Cac + "TaxSubtotal") ?? []).Select(ReadVat)],
            Amount(taxTotal, "TaxAmount"),
            new EhfDocument.Totals(
                Amount(totals, "LineExtensionAmount"),
                Amount(totals, "AllowanceTotalAmount"),
                Amount(totals, "ChargeTotalAmount"),
                Amount(totals, "TaxExclusiveAmount"),
                Amount(totals, "TaxInclusiveAmount"),
                Amount(totals, "PrepaidAmount"),
                Amount(totals, "PayableRoundingAmount"),
                Amount(totals, "PayableAmount")),
            [.. root.Elements(Cac + "PaymentMeans").Select(ReadPayment)],
            Text(root.Element(Cac + "PaymentTerms"), Cbc + "Note"),
            [.. root.Elements(Cac + "AdditionalDocumentReference").Select(ReadAttachment).OfType<EhfDocument.Attachment>()]);
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxBytes * 2,
        CloseInput = false,
    };

    /// <summary>A first pass that refuses deep nesting in linear time, before the tree is built.</summary>
    private static bool WithinDepth(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, Settings());
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    return false;
                }
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static EhfDocument.Party ReadParty(XElement? party)
    {
        var legal = party?.Element(Cac + "PartyLegalEntity");
        var name = Text(legal, Cbc + "RegistrationName") ?? Text(party?.Element(Cac + "PartyName"), Cbc + "Name") ?? "";
        var org = Text(legal, Cbc + "CompanyID");
        var vat = party?.Elements(Cac + "PartyTaxScheme").FirstOrDefault(t => Text(t.Element(Cac + "TaxScheme"), Cbc + "ID") == "VAT") is { } scheme ? Text(scheme, Cbc + "CompanyID") : null;
        var address = party?.Element(Cac + "PostalAddress");
        List<string> lines = [];
        if (address is not null)
        {
            lines.AddRange(new[] { Text(address, Cbc + "StreetName"), Text(address, Cbc + "AdditionalStreetName"), Text(address.Element(Cac + "AddressLine"), Cbc + "Line") }.OfType<string>());
            var city = string.Join(' ', new[] { Text(address, Cbc + "PostalZone"), Text(address, Cbc + "CityName") }.OfType<string>());
            if (city.Length > 0)
            {
                lines.Add(city);
            }

            if (Text(address.Element(Cac + "Country"), Cbc + "IdentificationCode") is { } country)
            {
                lines.Add(country);
            }
        }

        return new EhfDocument.Party(name, org, vat, lines, Text(party?.Element(Cac + "Contact"), Cbc + "ElectronicMail"));
    }

    private static EhfDocument.Line ReadLine(XElement line, string quantityName)
    {
        var item = line.Element(Cac + "Item");
        var category = item?.Element(Cac + "ClassifiedTaxCategory");
        var quantity = line.Element(Cbc + quantityName);
        return new EhfDocument.Line(
            Text(line, Cbc + "ID") ?? "",
            Text(item, Cbc + "Name") ?? "",
            Text(item, Cbc + "Description"),
            Number(quantity?.Value),
            quantity?.Attribute("unitCode")?.Value,
            Amount(line.Element(Cac + "Price"), "PriceAmount"),
            Amount(line, "LineExtensionAmount"),
            Text(category, Cbc + "ID"),
            Amount(category, "Percent"),
            Text(line, Cbc + "Note"));
    }

    private static EhfDocument.Charge ReadCharge(XElement charge)
    {
        var isCharge = string.Equals(Text(charge, Cbc + "ChargeIndicator"), "true", StringComparison.OrdinalIgnoreCase);
        var amount = Amount(charge, "Amount") ?? 0m;
        return new EhfDocument.Charge(isCharge, Text(charge, Cbc + "AllowanceChargeReason") ?? Text(charge, Cbc + "AllowanceChargeReasonCode") ?? "", isCharge ? amount : -amount);
    }

    private static EhfDocument.Vat ReadVat(XElement subtotal)
    {
        var category = subtotal.Element(Cac + "TaxCategory");
        return new EhfDocument.Vat(Text(category, Cbc + "ID") ?? "", Amount(category, "Percent"), Amount(subtotal, "TaxableAmount"), Amount(subtotal, "TaxAmount"), Text(category, Cbc + "TaxExemptionReason"));
    }

    private static EhfDocument.Payment ReadPayment(XElement means)
    {
        var account = means.Element(Cac + "PayeeFinancialAccount");
        return new EhfDocument.Payment(Text(means, Cbc + "PaymentMeansCode"), Text(account, Cbc + "ID"), Text(account?.Element(Cac + "FinancialInstitutionBranch"), Cbc + "ID"), Text(means, Cbc + "PaymentID"));
    }

    private static EhfDocument.Attachment? ReadAttachment(XElement reference, int index)
    {
        var binary = reference.Element(Cac + "Attachment")?.Element(Cbc + "EmbeddedDocumentBinaryObject");
        if (binary is null)
        {
            return null;
        }

        byte[]? content;
        try
        {
            content = Convert.FromBase64String(binary.Value.Trim());
        }
        catch (FormatException)
        {
            content = null;
        }

        var id = Text(reference, Cbc + "ID") ?? (index + 1).ToString(CultureInfo.InvariantCulture);
        return new EhfDocument.Attachment(id, Clean(binary.Attribute("filename")?.Value) ?? id, Text(reference, Cbc + "DocumentDescription"), binary.Attribute("mimeCode")?.Value.Trim(), content);
    }

    private static decimal? Amount(XElement? parent, string name) => Number(parent?.Element(Cbc + name)?.Value);

    private static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(XElement? parent, XName name) => Clean(parent?.Element(name)?.Value);

    /// <summary>One line of text with runs of white space (line breaks in the XML) made one space; empty is null.</summary>
    private static string? Clean(string? value) =>
        value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } clean ? clean : null;
}
