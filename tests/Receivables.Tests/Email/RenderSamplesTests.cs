using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Common;
using Receivables.Email;
using Receivables.Local.Commands;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Email;

public sealed class RenderSamplesTests
{
    [Fact]
    public async Task Render_samples_writes_every_template_in_both_languages_as_readable_eml_with_the_sample_amounts()
    {
        await using var host = await TestHost.StartHostAsync();
        var creditor = host.Get<IOptions<ReceivablesOptions>>().Value.Creditors[TestSettings.Creditor];
        var today = new DateOnly(2026, 11, 22);
        var folder = Path.Combine(host.DataPath, "samples");

        var files = await RenderSamplesCommand.RenderAsync(host.Get<Receivables.Messaging.CaseMessenger>(), host.Get<IMessageRenderer>(), TestSettings.Creditor, creditor, today, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), folder, CancellationToken.None);

        // Every letter for a consumer and a business in both languages, the agreement PDFs and the posted inkassovarsel.
        files.Count.ShouldBe(((RenderSamplesCommand.Templates.Count + 2) * RenderSamplesCommand.Languages.Count * 2) + ((RenderSamplesCommand.UsdTemplates.Count + 1) * RenderSamplesCommand.Languages.Count));
        foreach (var pdf in files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            (await File.ReadAllBytesAsync(pdf)).AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue(pdf);
        }

        foreach (var template in RenderSamplesCommand.Templates)
        {
            foreach (var (language, business) in RenderSamplesCommand.Languages.SelectMany(l => new[] { (l, false), (l, true) }))
            {
                var document = SampleLetters.Document(template, language, TestSettings.Creditor, creditor, today, business);
                if (template.StartsWith("plan-", StringComparison.Ordinal))
                {
                    continue;
                }

                var message = await MimeMessage.LoadAsync(Path.Combine(folder, $"{template}.{language}.{RenderSamplesCommand.Audience(business)}.eml"));
                var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "nb-NO");

                message.Subject.ShouldNotBeNullOrWhiteSpace();
                message.From.Mailboxes.Single().Address.ShouldBe(creditor.Email);
                message.ReplyTo.Mailboxes.Single().Address.ShouldBe(document.ReplyAddress);
                message.Headers["X-Receivables-" + EmailCustomArgs.Debtor].ShouldBe(document.DebtorId);
                if (document.Invoices.Count == 0)
                {
                    // A letter that closes the case (payment found) asks for nothing.
                    (message.TextBody ?? "").ShouldNotContain(language == "en" ? "To pay" : "Å betale", customMessage: $"{template}.{language} text");
                    continue;
                }

                (message.TextBody ?? "").ShouldContain(document.Total.ToString("N2", culture), customMessage: $"{template}.{language} text");
                (message.HtmlBody ?? "").ShouldContain(document.Invoices[^1].OpenAmount.ToString("N2", culture), customMessage: $"{template}.{language} html");
                foreach (var charge in document.Charges)
                {
                    (message.TextBody ?? "").ShouldContain(charge.Amount.ToString("N2", culture), customMessage: $"{template}.{language} {charge.Description}");
                }
            }
        }

        var reminder = SampleLetters.Document(MessageTemplates.Reminder, "nb", TestSettings.Creditor, creditor, today);
        reminder.Total.ShouldBe(reminder.Principal + reminder.Charges.Sum(c => c.Amount));
        reminder.Charges.Count(c => c.Kind == "interest").ShouldBe(reminder.Invoices.Count);
        SampleLetters.Document(MessageTemplates.Friendly, "nb", TestSettings.Creditor, creditor, today).Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_sample_letter_that_asks_for_money_or_an_answer_shows_the_link_to_the_debtors_page_and_the_others_none()
    {
        await using var host = await TestHost.StartHostAsync();
        var creditor = host.Get<IOptions<ReceivablesOptions>>().Value.Creditors[TestSettings.Creditor];
        var folder = Path.Combine(host.DataPath, "samples");

        await RenderSamplesCommand.RenderAsync(host.Get<Receivables.Messaging.CaseMessenger>(), host.Get<IMessageRenderer>(), TestSettings.Creditor, creditor, new DateOnly(2026, 11, 22), new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), folder, CancellationToken.None);

        var asking = new[]
        {
            MessageTemplates.Friendly, MessageTemplates.Reminder, MessageTemplates.CollectionNotice, MessageTemplates.StillOpen, MessageTemplates.InvoiceCopy,
            MessageTemplates.PlanProposal, MessageTemplates.PlanMissed, MessageTemplates.CallConfirmation, MessageTemplates.PromiseConfirmation,
            MessageTemplates.PromiseBroken, MessageTemplates.DisputeAcknowledgement, MessageTemplates.DisputeOutcome,
        };
        foreach (var template in RenderSamplesCommand.Templates)
        {
            foreach (var language in RenderSamplesCommand.Languages)
            {
                var message = await MimeMessage.LoadAsync(Path.Combine(folder, $"{template}.{language}.{RenderSamplesCommand.Audience(false)}.eml"));
                var text = message.TextBody ?? "";
                var html = message.HtmlBody ?? "";
                if (asking.Contains(template))
                {
                    text.ShouldContain(RenderSamplesCommand.SamplePageLinkBase, customMessage: $"{template}.{language} text");
                    html.ShouldContain("href=\"" + RenderSamplesCommand.SamplePageLinkBase, customMessage: $"{template}.{language} html");
                    text.ShouldContain(language == "en" ? "6 January 2027" : "06.01.2027", customMessage: $"{template}.{language}: until when the link works");
                }
                else
                {
                    text.ShouldNotContain("/api/debtor/", customMessage: $"{template}.{language}");
                }
            }
        }
    }
}
