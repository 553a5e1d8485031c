using System.Text;
using Azure.Storage.Blobs.Models;
using Receivables.DebtorPage;
using Receivables.Ledger;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Receivables.Tests.DebtorPage;

/// <summary>The invoice copy on the debtor's page: the EHF document itself for an invoice that came in as EHF, the ledger's details otherwise.</summary>
public sealed class DebtorPageInvoiceCopyTests
{
    private const string Kari = "kari@nordmann.example";
    private const string John = "john@buyercompany.no";

    [Fact]
    public async Task A_buyer_whose_invoice_came_as_EHF_gets_a_copy_with_the_EHF_lines_and_totals_and_its_real_PDF_attachment()
    {
        await using var world = await RemindedAsync();
        var john = TokenOf(world, John);

        var page = Encoding.UTF8.GetString((await GetAsync(world, john)).Body);
        page.ShouldContain("Fakturakopi TOSL108 (PDF, fra EHF-fakturaen)");
        page.ShouldContain("/invoice/TOSL108.pdf");
        page.ShouldContain("Hours-spent.csv – ikke en PDF", Case.Sensitive, "the sample labels a CSV as application/pdf: listed, not offered as a PDF");
        page.ShouldNotContain("/attachment/TOSL108/1.pdf");
        page.ShouldContain("/attachment/TOSL108/2.pdf\">Invoice &lt;Seller &amp; Co&gt;.pdf (PDF)</a>", Case.Sensitive, "the EHF's text is encoded into the page");
        page.ShouldNotContain("<Seller & Co>");

        var copy = await GetAsync(world, john, resource: "invoice/TOSL108.pdf");
        copy.StatusCode.ShouldBe(200);
        copy.ContentType.ShouldBe("application/pdf");
        var text = PdfText(copy.Body);
        text.ShouldContain("Fakturakopi (fra EHF-fakturaen TOSL108)");
        text.ShouldContain("The Sellercompany ASA");
        text.ShouldContain("Org.nr. 123456785");
        text.ShouldContain("Main street 34");
        text.ShouldContain("Buyercompany ASA");
        text.ShouldContain("Fakturadato 03.10.2026");
        text.ShouldContain("Forfallsdato 02.11.2026");
        foreach (var line in new[] { "Laptop computer", "Returned \"Advanced computing\" book", "\"Computing for dummies\" book", "Returned IBM 5150 desktop", "Network cable" })
        {
            text.ShouldContain(line);
        }

        text.ShouldContain("Network cable 250 MTR 0,75 25 % 187,50", Case.Sensitive, "a line: description, quantity, unit price, VAT rate, amount");
        text.ShouldContain("-3,96");
        text.ShouldContain("Sum eks. MVA 1 436,50");
        text.ShouldContain("MVA 365,28");
        text.ShouldContain("Sum inkl. MVA 1 801,78");
        text.ShouldContain("Forskuddsbetalt 1 000,00");
        text.ShouldContain("Å betale (NOK) 802,00");
        text.ShouldContain("Konto NO9386011117947");
        text.ShouldContain("KID 0003434323213231");
        text.ShouldContain("Ordered in our booth at the convention.");
        text.ShouldContain("Hours-spent.csv");

        var attachment = await GetAsync(world, john, resource: "attachment/TOSL108/2.pdf");
        attachment.StatusCode.ShouldBe(200);
        attachment.Body.ShouldBe(EmbeddedPdf);
        (await GetAsync(world, john, resource: "attachment/TOSL108/1.pdf")).StatusCode.ShouldBe(404, "a CSV is not served as a PDF");
    }

    [Fact]
    public async Task A_ledger_invoice_keeps_the_details_PDF_and_nobody_gets_another_debtors_invoice_or_attachment()
    {
        await using var world = await RemindedAsync();
        var kari = TokenOf(world, Kari);
        var john = TokenOf(world, John);

        var details = await GetAsync(world, kari, resource: "invoice/20001.pdf");
        details.StatusCode.ShouldBe(200);
        var text = PdfText(details.Body);
        text.ShouldContain("Fakturaopplysninger 20001");
        text.ShouldContain("Det er ikke originalfakturaen");
        text.ShouldNotContain("Fakturakopi");
        var page = Encoding.UTF8.GetString((await GetAsync(world, kari)).Body);
        page.ShouldContain("Fakturaopplysninger 20001 (PDF)");
        page.ShouldNotContain("TOSL108");

        var notYours = await GetAsync(world, kari, resource: "invoice/TOSL108.pdf");
        var never = await GetAsync(world, kari, resource: "invoice/TOSL999.pdf");
        notYours.StatusCode.ShouldBe(404);
        Encoding.UTF8.GetString(notYours.Body).ShouldBe(Encoding.UTF8.GetString(never.Body), "an invoice of another debtor answers like one that does not exist");
        (await GetAsync(world, kari, resource: "attachment/TOSL108/2.pdf")).StatusCode.ShouldBe(404);
        (await GetAsync(world, john, resource: "invoice/20001.pdf")).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task A_buyer_who_asks_for_a_copy_of_an_EHF_invoice_gets_the_EHF_copy_attached_and_a_ledger_debtor_gets_the_details_only()
    {
        await using var world = await RemindedAsync();

        (await PostAsync(world, TokenOf(world, John), "copy")).StatusCode.ShouldBe(303);
        (await PostAsync(world, TokenOf(world, Kari), "copy")).StatusCode.ShouldBe(303);

        var toJohn = world.LettersTo(John).Last();
        toJohn.Subject.ShouldBe("Kopi av faktura fra Acme Verktøy AS");
        toJohn.TextBody.ShouldNotBeNull().ShouldContain("Vi har lagt ved en kopi av fakturaen som PDF, laget fra den elektroniske fakturaen (EHF) vi sendte.");
        toJohn.TextBody.ShouldContain("TOSL108");
        var copy = toJohn.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem(toJohn.Attachments.Count() + " attachment(s)");
        copy.FileName.ShouldBe("faktura-TOSL108.pdf");
        copy.ContentType.MimeType.ShouldBe("application/pdf");
        using var content = new MemoryStream();
        await copy.Content.ShouldNotBeNull().DecodeToAsync(content);
        var text = PdfText(content.ToArray());
        text.ShouldContain("Fakturakopi (fra EHF-fakturaen TOSL108)");
        text.ShouldContain("Network cable 250 MTR 0,75 25 % 187,50");
        text.ShouldContain("Å betale (NOK) 802,00");

        var toKari = world.LettersTo(Kari).Last();
        toKari.Subject.ShouldBe("Kopi av faktura fra Acme Verktøy AS");
        toKari.TextBody.ShouldNotBeNull().ShouldContain("20001");
        toKari.TextBody.ShouldNotContain("EHF");
        toKari.Attachments.ShouldBeEmpty("her invoices came from the ledger: the letter repeats their details");
    }

    /// <summary>A PDF for the EHF to carry as an embedded attachment.</summary>
    private static readonly byte[] EmbeddedPdf = new PdfWriter("Original invoice").Heading("Original invoice TOSL108").ToBytes();

    /// <summary>
    /// The Norwegian EHF example, issued 3 October 2026 and due 2 November, with a real PDF attached beside its CSV
    /// labelled as a PDF, its file name with markup.
    /// </summary>
    public static string Ehf()
    {
        var ehf = File.ReadAllText(RepoFiles.Sample("ehf", "national-examples_NO_Norwegian-example-1.xml"))
            .Replace("2013-06-30", "2026-10-03", StringComparison.Ordinal)
            .Replace("2013-07-20", "2026-11-02", StringComparison.Ordinal);
        var at = ehf.IndexOf("<cac:AccountingSupplierParty>", StringComparison.Ordinal);
        var pdf = "<cac:AdditionalDocumentReference><cbc:ID>Doc3</cbc:ID><cbc:DocumentDescription>The invoice as printed</cbc:DocumentDescription><cac:Attachment>"
            + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"Invoice &lt;Seller &amp; Co&gt;.pdf\">" + Convert.ToBase64String(EmbeddedPdf) + "</cbc:EmbeddedDocumentBinaryObject>"
            + "</cac:Attachment></cac:AdditionalDocumentReference>\n\t";
        return ehf[..at] + pdf + ehf[at..];
    }

    /// <summary>Kari's two invoices from the CSV ledger, the buyer's EHF invoice beside them, and the reminders of 9 November.</summary>
    private static async Task<DebtorPageWorld> RemindedAsync()
    {
        var world = await DebtorPageWorld.StartAsync("2026-11-09");
        await world.UploadAsync(
            $"D1,Kari Nordmann,{Kari},consumer,,20001,2026-10-03,2026-11-02,NOK,1500.00,1500.00,{Kid.WithMod10("00020001")}",
            $"D1,Kari Nordmann,{Kari},consumer,,20002,2026-10-05,2026-11-02,NOK,2400.00,2400.00,{Kid.WithMod10("00020002")}");
        var blob = world.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient("acme/ehf/TOSL108.xml");
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(Ehf())), new BlobUploadOptions());
        await world.DrainAsync();
        (await world.Get<IEhfSourceStore>().FindAsync("acme", "TOSL108", CancellationToken.None))!.BlobName.ShouldBe("acme/ehf/TOSL108.xml");
        await world.RunUntilAsync("2026-11-09");
        world.SetDay("2026-11-10");
        return world;
    }

    private static string TokenOf(DebtorPageWorld world, string address)
    {
        var link = DebtorPageWorld.LinkIn(world.LettersTo(address).ShouldHaveSingleItem());
        return link[(link.LastIndexOf('/') + 1)..];
    }

    private static Task<DebtorPageResponse> GetAsync(DebtorPageWorld world, string token, string? resource = null) =>
        world.Get<IDebtorPage>().HandleAsync(new DebtorPageRequest("GET", token, resource, "127.0.0.1", null, Stream.Null));

    /// <summary>Posts the page's form for <paramref name="action"/> as the browser would (its antiforgery value read from the page).</summary>
    private static async Task<DebtorPageResponse> PostAsync(DebtorPageWorld world, string token, string action)
    {
        var html = Encoding.UTF8.GetString((await GetAsync(world, token)).Body);
        var form = System.Text.RegularExpressions.Regex.Match(html, "/" + action + "\"><input type=\"hidden\" name=\"form\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        form.ShouldNotBeEmpty("the page offers the " + action + " form");
        var answer = await world.Get<IDebtorPage>().HandleAsync(new DebtorPageRequest("POST", token, action, "127.0.0.1", "application/x-www-form-urlencoded", new MemoryStream(Encoding.UTF8.GetBytes("form=" + Uri.EscapeDataString(form)))));
        await world.DrainAsync();
        return answer;
    }

    /// <summary>The PDF's words, one space apart (no-break spaces as spaces, the typographic minus as a hyphen).</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        return text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-');
    }
}
