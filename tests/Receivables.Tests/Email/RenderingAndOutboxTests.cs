using System.Globalization;
using MimeKit;
using Receivables.Email;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Email;

public sealed class RenderingAndOutboxTests
{
    private static ReminderDocument Document(string template, string language, string debtorName = "Kari Nordmann") => new(
        template,
        language,
        "acme",
        "Acme Verktøy AS",
        "999888777",
        "regnskap@acme.example",
        "+47 22 33 44 55",
        "12345678903",
        "Storgata 1, 0155 Oslo",
        "K-1",
        debtorName,
        "kari@example.no",
        false,
        "acme/K-1/c1",
        "regnskap+tok123@acme.example",
        "NOK",
        [
            new ReminderInvoice("F-100", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 15), 1_250m, 1_250m, "2401700", 21),
            new ReminderInvoice("F-101", new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 24), 12_345.5m, 10_000m, "2403300", 12),
        ],
        [
            new ReminderCharge("reminder-fee", "Purregebyr, faktura F-100", 37.5m, "1/20 × 750"),
            new ReminderCharge("interest", "Forsinkelsesrente, faktura F-100", 8.63m, "1 250,00 × 12,00 % × 21/365"),
        ],
        11_250m,
        11_296.13m,
        new DateOnly(2026, 10, 6),
        new DateOnly(2026, 10, 20),
        null,
        new Dictionary<string, string> { ["Message"] = "Vi venter betaling innen fristen.", ["Schedule"] = "1. 20.10.2026 2 000,00", ["Terms"] = "Ingen gebyr." });

    [Theory]
    [InlineData("nb", "2401700", "2403300", "Bruk KID-nummeret til hver faktura.")]
    [InlineData("nb", "2401700", null, "Bruk KID-nummeret til hver faktura; for en faktura uten KID skriver du fakturanummeret i meldingsfeltet.")]
    [InlineData("nb", null, null, "Skriv fakturanumrene i meldingsfeltet når du betaler.")]
    [InlineData("en", "2401700", "2403300", "Please use each invoice's KID as the payment reference.")]
    [InlineData("en", null, "2403300", "Please use each invoice's KID as the payment reference, and the invoice number for an invoice without a KID.")]
    [InlineData("en", null, null, "Please give the invoice numbers as the payment reference.")]
    public async Task A_letter_tells_the_debtor_to_use_the_KID_only_for_invoices_that_have_one_and_the_invoice_number_otherwise(string language, string? firstKid, string? secondKid, string instruction)
    {
        await using var host = await TestHost.StartHostAsync();
        var document = Document(MessageTemplates.Reminder, language);
        document = document with { Invoices = [document.Invoices[0] with { Kid = firstKid }, document.Invoices[1] with { Kid = secondKid }] };

        var rendered = await host.Get<IMessageRenderer>().RenderAsync(document);

        rendered.Text.ShouldContain(instruction);
        foreach (var other in new[] { "Bruk KID-nummeret til hver faktura.", "Please use each invoice's KID as the payment reference." }.Where(o => o != instruction))
        {
            rendered.Text.ShouldNotContain(other);
        }

        if (firstKid is null || secondKid is null)
        {
            rendered.Html.ShouldContain(instruction[..20], Case.Sensitive, "the HTML part says the same");
        }
    }

    public static TheoryData<string, string> Templates()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in new[] { MessageTemplates.Friendly, MessageTemplates.Reminder, MessageTemplates.CollectionNotice, MessageTemplates.Acknowledgement, MessageTemplates.StillOpen, MessageTemplates.InvoiceCopy, MessageTemplates.PlanProposal, MessageTemplates.CallConfirmation })
        {
            data.Add(template, "nb");
            data.Add(template, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_message_shows_invoices_amounts_total_deadline_account_and_reply_address_in_its_language(string template, string language)
    {
        await using var host = await TestHost.StartHostAsync();
        var document = Document(template, language);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "nb-NO");

        var rendered = await host.Get<IMessageRenderer>().RenderAsync(document);

        rendered.Subject.ShouldNotBeNullOrWhiteSpace();
        foreach (var body in new[] { rendered.Text, rendered.Html })
        {
            foreach (var invoice in document.Invoices)
            {
                body.ShouldContain(invoice.InvoiceNumber);
                body.ShouldContain(invoice.OpenAmount.ToString("N2", culture));
                body.ShouldContain(invoice.Kid!);
            }

            foreach (var charge in document.Charges)
            {
                body.ShouldContain(charge.Amount.ToString("N2", culture));
            }

            body.ShouldContain(document.Total.ToString("N2", culture));
            body.ShouldContain(language == "en" ? document.Deadline!.Value.ToString("d MMMM yyyy", culture) : document.Deadline!.Value.ToString("dd.MM.yyyy", culture));
            body.ShouldContain("1234.56.78903");
            body.ShouldContain(document.ReplyAddress);
            body.ShouldContain(document.CreditorPhone!);
        }
    }

    [Fact]
    public async Task The_friendly_reminder_asks_why_and_charges_nothing_while_the_collection_notice_names_section_9_and_the_deadline()
    {
        await using var host = await TestHost.StartHostAsync();
        var renderer = host.Get<IMessageRenderer>();

        var friendly = await renderer.RenderAsync(Document(MessageTemplates.Friendly, "nb"));
        var notice = await renderer.RenderAsync(Document(MessageTemplates.CollectionNotice, "nb"));
        var english = await renderer.RenderAsync(Document(MessageTemplates.CollectionNotice, "en"));

        friendly.Text.ShouldContain("Har du mottatt fakturaen?");
        friendly.Text.ShouldContain("nedbetalingsordning");
        notice.Subject.ShouldStartWith("Inkassovarsel");
        notice.Text.ShouldContain("inkassoloven § 9");
        notice.Text.ShouldContain("20.10.2026");
        english.Text.ShouldContain("section 9");
    }

    [Fact]
    public async Task Values_are_html_encoded_so_a_debtor_name_cannot_inject_markup()
    {
        await using var host = await TestHost.StartHostAsync();

        var rendered = await host.Get<IMessageRenderer>().RenderAsync(Document(MessageTemplates.Reminder, "nb", "<script>alert(1)</script> AS"));

        rendered.Html.ShouldNotContain("<script>");
        rendered.Html.ShouldContain("&lt;script&gt;");
        rendered.Text.ShouldContain("<script>alert(1)</script> AS");
    }

    [Fact]
    public async Task An_optional_value_the_document_lacks_renders_empty()
    {
        await using var host = await TestHost.StartHostAsync();
        var document = Document(MessageTemplates.Acknowledgement, "en") with { Extra = new Dictionary<string, string>() };

        var rendered = await host.Get<IMessageRenderer>().RenderAsync(document);

        rendered.Text.ShouldContain("Thank you for your reply.");
        rendered.Text.ShouldNotContain("extra");
    }

    [Fact]
    public async Task A_template_uploaded_to_the_templates_container_replaces_the_shipped_one()
    {
        await using var host = await TestHost.StartHostAsync();
        var renderer = host.Get<IMessageRenderer>();
        var before = await renderer.RenderAsync(Document(MessageTemplates.Friendly, "nb"));

        await host.Get<StorageClients>().Container(StorageNames.Containers.Templates).GetBlobClient("friendly-reminder.nb.liquid")
            .UploadAsync(BinaryData.FromString("{% capture subject %}Hei {{ debtor_name }}, en liten påminnelse{% endcapture %}{% capture intro %}Egen tekst fra regnskap.{% endcapture %}"));
        var after = await renderer.RenderAsync(Document(MessageTemplates.Friendly, "nb"));

        before.Subject.ShouldNotContain("en liten påminnelse");
        after.Subject.ShouldBe("Hei Kari Nordmann, en liten påminnelse");
        after.Text.ShouldContain("Egen tekst fra regnskap.");
        after.Text.ShouldContain("F-100"); // the layout still lists the invoices
    }

    [Fact]
    public async Task A_broken_uploaded_template_fails_with_its_name()
    {
        await using var host = await TestHost.StartHostAsync();
        await host.Get<StorageClients>().Container(StorageNames.Containers.Templates).GetBlobClient("reminder.en.liquid")
            .UploadAsync(BinaryData.FromString("{% capture subject %}unterminated"));

        var error = await Should.ThrowAsync<Receivables.Common.ReceivablesException>(() => host.Get<IMessageRenderer>().RenderAsync(Document(MessageTemplates.Reminder, "en")));

        error.Message.ShouldContain("templates/reminder.en.liquid");
    }

    [Fact]
    public async Task The_outbox_writes_a_real_eml_once_per_key_and_proves_it_after_a_crash()
    {
        await using var host = await TestHost.StartHostAsync();
        var sender = host.Get<IEmailSender>();
        var email = new OutboundEmail("acme|K-1|L1|2026-10-06", "kari@example.no", "Kari Nordmann", "regnskap@acme.example", "Acme Verktøy AS", "regnskap+tok123@acme.example",
            "Påminnelse", "Tekst æøå", "<p>HTML æøå</p>", new Dictionary<string, string> { ["caseId"] = "acme/K-1/c1" }, [new EmailAttachment("faktura.txt", "text/plain", "F-100"u8.ToArray())]);

        (await sender.FindSentAsync(email.IdempotencyKey)).ShouldBeNull();
        var sent = await sender.SendAsync(email);
        var again = await sender.SendAsync(email);
        var proof = await sender.FindSentAsync(email.IdempotencyKey);

        again.MessageId.ShouldBe(sent.MessageId);
        proof!.MessageId.ShouldBe(sent.MessageId);
        var folder = Path.Combine(host.DataPath, "outbox");
        Directory.GetFiles(folder, "*.eml").Length.ShouldBe(1);
        var message = await MimeMessage.LoadAsync(Directory.GetFiles(folder, "*.eml")[0]);
        (message.TextBody ?? "").ShouldContain("Tekst æøå");
        (message.HtmlBody ?? "").ShouldContain("HTML æøå");
        message.ReplyTo.Mailboxes.Single().Address.ShouldBe("regnskap+tok123@acme.example");
        message.Headers["X-Receivables-caseId"].ShouldBe("acme/K-1/c1");
        message.Attachments.Count().ShouldBe(1);
        message.MessageId.ShouldEndWith("@acme.example");
    }
}
