using System.Globalization;
using Receivables.Email;
using Receivables.Ledger.Parsing;

namespace Receivables.DebtorPage;

/// <summary>
/// A copy of an EHF invoice (or credit note) as a PDF in the debtor's language: the document's own data (seller and
/// buyer, dates, lines, VAT, totals, payment means, notes, attachments by name), labelled as made from the EHF invoice.
/// </summary>
public static class EhfCopyPdf
{
    public static byte[] Render(EhfDocument d, string language, DateOnly received)
    {
        var en = language == "en";
        var kind = d.IsCreditNote ? (en ? "Credit note copy" : "Kreditnotakopi") : (en ? "Invoice copy" : "Fakturakopi");
        var source = d.IsCreditNote
            ? (en ? "from the EHF credit note" : "fra EHF-kreditnotaen")
            : (en ? "from the EHF invoice" : "fra EHF-fakturaen");
        var pdf = new PdfWriter($"{kind} {d.Number}")
            .Heading($"{kind} ({source} {d.Number})")
            .Text(en
                ? $"The electronic document was received on {LetterFormat.Date(received, language)}."
                : $"Det elektroniske dokumentet ble mottatt {LetterFormat.Date(received, language)}.")
            .Space();

        Party(pdf, en ? "Seller" : "Selger", d.Seller, en);
        Party(pdf, en ? "Buyer" : "Kjøper", d.Buyer, en);
        pdf.Space()
            .Line(d.IsCreditNote ? (en ? "Credit note number" : "Kreditnotanummer") : (en ? "Invoice number" : "Fakturanummer"), d.Number)
            .Line(en ? "Issue date" : "Fakturadato", d.IssueDate is { } issue ? LetterFormat.Date(issue, language) : "–");
        if (d.DueDate is { } due)
        {
            pdf.Line(en ? "Due date" : "Forfallsdato", LetterFormat.Date(due, language));
        }

        if (d.BuyerReference is { } reference)
        {
            pdf.Line(en ? "Your reference" : "Deres referanse", reference);
        }

        if (d.OrderReference is { } order)
        {
            pdf.Line(en ? "Order" : "Ordre", order);
        }

        pdf.Line(en ? "Currency" : "Valuta", d.Currency);

        var w = PdfWriter.Width;
        double[] widths = [w * 0.46, w * 0.12, w * 0.14, w * 0.10, w * 0.18];
        pdf.Subheading(en ? "Lines" : "Linjer")
            .Row(Cells(widths, [en ? "Description" : "Beskrivelse", en ? "Quantity" : "Antall", en ? "Unit price" : "Enhetspris", en ? "VAT" : "MVA", en ? "Amount" : "Beløp"]), header: true);
        foreach (var line in d.Lines)
        {
            var text = line.Name + (line.Description is { } description && description != line.Name ? " – " + description : "") + (line.Note is { } note ? " (" + note + ")" : "");
            pdf.Row(Cells(widths, [
                text,
                line.Quantity is { } q ? Quantity(q, language) + (line.Unit is { } unit ? " " + unit : "") : "",
                Money(line.UnitPrice, language),
                line.VatPercent is { } percent ? Percent(percent, language) : line.VatCategory ?? "",
                Money(line.Amount, language),
            ]));
        }

        double[] two = [w * 0.70, w * 0.30];
        if (d.Charges.Count > 0)
        {
            pdf.Subheading(en ? "Allowances and charges" : "Rabatter og gebyrer");
            foreach (var charge in d.Charges)
            {
                pdf.Row([new PdfCell(charge.Reason, two[0]), new PdfCell(Money(charge.Amount, language), two[1], Right: true)]);
            }
        }

        if (d.VatBreakdown.Count > 0)
        {
            double[] vat = [w * 0.40, w * 0.15, w * 0.225, w * 0.225];
            pdf.Subheading(en ? "VAT breakdown" : "MVA-spesifikasjon")
                .Row(Cells(vat, [en ? "Category" : "Kategori", en ? "Rate" : "Sats", en ? "Basis" : "Grunnlag", en ? "VAT" : "MVA"]), header: true);
            foreach (var v in d.VatBreakdown)
            {
                pdf.Row(Cells(vat, [
                    v.Category + (v.ExemptionReason is { } reason ? " – " + reason : ""),
                    v.Percent is { } p ? Percent(p, language) : "",
                    Money(v.Taxable, language),
                    Money(v.Tax, language),
                ]));
            }
        }

        var t = d.Total;
        pdf.Subheading(en ? "Totals" : "Totalt");
        Total(pdf, two, en ? "Sum of lines" : "Sum linjer", t.LineTotal, language);
        Total(pdf, two, en ? "Allowances" : "Rabatter", t.AllowanceTotal, language);
        Total(pdf, two, en ? "Charges" : "Gebyrer", t.ChargeTotal, language);
        Total(pdf, two, en ? "Total excluding VAT" : "Sum eks. MVA", t.TaxExclusive, language);
        Total(pdf, two, en ? "VAT" : "MVA", d.VatTotal, language);
        Total(pdf, two, en ? "Total including VAT" : "Sum inkl. MVA", t.TaxInclusive, language);
        Total(pdf, two, en ? "Paid in advance" : "Forskuddsbetalt", t.Prepaid, language);
        Total(pdf, two, en ? "Rounding" : "Øreavrunding", t.Rounding, language);
        pdf.Row([new PdfCell((en ? "Amount payable" : "Å betale") + " (" + d.Currency + ")", two[0]), new PdfCell(Money(t.Payable, language), two[1], Right: true)], header: true);

        if (d.PaymentMeans.Count > 0 || d.PaymentTerms is not null)
        {
            pdf.Subheading(en ? "Payment" : "Betaling");
            foreach (var means in d.PaymentMeans)
            {
                if (means.Account is { } account)
                {
                    pdf.Line(en ? "Account" : "Konto", MessageModel.FormatAccount(account) + (means.Bic is { } bic ? " (BIC " + bic + ")" : ""));
                }

                if (means.PaymentId is { } kid)
                {
                    pdf.Line(en ? "KID / payment reference" : "KID", kid);
                }
            }

            if (d.PaymentTerms is { } terms)
            {
                pdf.Line(en ? "Terms" : "Betingelser", terms);
            }
        }

        if (d.Notes.Count > 0)
        {
            pdf.Subheading(en ? "Note" : "Merknad");
            foreach (var note in d.Notes)
            {
                pdf.Text(note);
            }
        }

        if (d.Attachments.Count > 0)
        {
            pdf.Subheading(en ? "Attachments" : "Vedlegg");
            foreach (var attachment in d.Attachments)
            {
                pdf.Text("• " + attachment.FileName + (attachment.Description is { } description ? " – " + description : "") + (attachment.IsPdf
                    ? (en ? " (PDF, on your page)" : " (PDF, på siden din)")
                    : (en ? " (not a PDF; ask us if you need it)" : " (ikke PDF; spør oss om du trenger det)")));
            }
        }

        return pdf.Space(12)
            .Text(en
                ? "This copy shows the electronic (EHF) document's own data. What is open today, with any fees and interest, is shown on your page."
                : "Denne kopien viser opplysningene i selve det elektroniske dokumentet (EHF). Hva som er åpent i dag, med eventuelle gebyrer og renter, står på siden din.")
            .ToBytes();
    }

    private static void Party(PdfWriter pdf, string label, EhfDocument.Party party, bool en)
    {
        pdf.Line(label, party.Name);
        if (party.OrgNumber is { } org)
        {
            pdf.Line(en ? "Org. no." : "Org.nr.", org);
        }

        if (party.VatNumber is { } vat && vat != party.OrgNumber)
        {
            pdf.Line(en ? "VAT no." : "MVA-nr.", vat);
        }

        if (party.Address.Count > 0)
        {
            pdf.Line(en ? "Address" : "Adresse", string.Join(", ", party.Address));
        }
    }

    private static void Total(PdfWriter pdf, double[] widths, string label, decimal? amount, string language)
    {
        if (amount is not null)
        {
            pdf.Row([new PdfCell(label, widths[0]), new PdfCell(Money(amount, language), widths[1], Right: true)]);
        }
    }

    private static List<PdfCell> Cells(double[] widths, string[] texts) =>
        [.. texts.Select((text, i) => new PdfCell(text, widths[i], Right: i > 0))];

    private static string Money(decimal? amount, string language) => amount is { } a ? LetterFormat.Money(a, language) : "";

    private static string Quantity(decimal quantity, string language) => quantity.ToString("0.###", LetterFormat.Culture(language));

    private static string Percent(decimal percent, string language) => percent.ToString("0.##", LetterFormat.Culture(language)) + " %";
}
