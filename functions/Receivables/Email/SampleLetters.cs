using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.Email;

/// <summary>Sample documents of every message template, for <c>render-samples</c> and the workspace's letter previews.</summary>
public static class SampleLetters
{
    public static readonly IReadOnlyList<string> Templates =
    [
        MessageTemplates.Friendly,
        MessageTemplates.Reminder,
        MessageTemplates.CollectionNotice,
        MessageTemplates.Acknowledgement,
        MessageTemplates.StillOpen,
        MessageTemplates.InvoiceCopy,
        MessageTemplates.PlanProposal,
        MessageTemplates.CallConfirmation,
        MessageTemplates.PlanMissed,
        MessageTemplates.ReplyAnswer,
        SetOff.SetOffs.Template,
        MessageTemplates.DisputeAcknowledgement,
        MessageTemplates.DisputeOutcome,
        MessageTemplates.PromiseConfirmation,
        MessageTemplates.PromiseBroken,
        MessageTemplates.PaymentFound,
    ];

    public static readonly IReadOnlyList<string> Languages = ["nb", "en"];

    /// <summary>Where the samples' page link points when no debtor page is configured.</summary>
    public const string SamplePageLinkBase = "https://receivables.example/api/debtor/";

    /// <summary>A token of the real length (55 characters) that was never issued, so it opens nothing.</summary>
    private const string SampleToken = "oimYeQEpK6J-TdCLRcbHvVmBSXMuO1mkVD1iIuGl4Tcoo2ad0n4kes8";

    /// <summary>
    /// A plausible document: two overdue invoices (one part-paid), and for the formal steps a reminder fee (1/20 of the
    /// 2026 inkassosats) and late-payment interest at 12 % a year, computed here the way the dunning rules state them.
    /// The letters that ask for money or an answer carry a sample link to the debtor's page (as sent letters carry a
    /// real one), under <paramref name="pageLinkBase"/> or <see cref="SamplePageLinkBase"/>.
    /// </summary>
    public static ReminderDocument Document(string template, string language, string creditorId, CreditorOptions creditor, DateOnly today, bool business = false, string? pageLinkBase = null)
    {
        const decimal InterestRate = 0.12m;
        const decimal ReminderFee = 37.50m;
        var nb = language == "nb";
        ReminderInvoice[] invoices =
        [
            Invoice("10231", today.AddDays(-45), today.AddDays(-31), 4_980.00m, 4_980.00m, "0010231000016"),
            Invoice("10258", today.AddDays(-38), today.AddDays(-24), 12_345.50m, 7_345.50m, "0010258000012"),
        ];
        var charges = new List<ReminderCharge>();
        if (template is MessageTemplates.Reminder or MessageTemplates.CollectionNotice)
        {
            charges.Add(new ReminderCharge("reminder-fee", nb ? "Purregebyr" : "Reminder fee", ReminderFee, nb ? "1/20 av inkassosatsen" : "1/20 of the collection rate"));
            foreach (var invoice in invoices)
            {
                var interest = Rounding.ToMinorUnit(invoice.OpenAmount * InterestRate * invoice.DaysOverdue / 365m);
                var from = invoice.DueDate.AddDays(1);
                var basis = nb
                    ? $"12,00 % p.a. fra {from:dd.MM.yyyy}, {invoice.DaysOverdue} dager"
                    : $"12.00% a year from {from.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, {invoice.DaysOverdue} days";
                charges.Add(new ReminderCharge("interest", (nb ? "Forsinkelsesrente, faktura " : "Late-payment interest, invoice ") + invoice.InvoiceNumber, interest, basis));
            }
        }

        var deadline = template is MessageTemplates.Acknowledgement or MessageTemplates.CallConfirmation ? (DateOnly?)null : today.AddDays(14);
        if (template is MessageTemplates.DisputeAcknowledgement)
        {
            // The disputed invoice is on hold: only the other one is asked for.
            invoices = [invoices[1]];
        }
        var extra = new Dictionary<string, string>
        {
            ["Message"] = nb ? "Takk for svaret ditt. Vi har notert det og kommer tilbake til deg." : "Thank you for your reply. We have noted it and will get back to you.",
            ["Schedule"] = nb ? $"1. avdrag {today.AddDays(14):dd.MM.yyyy}: 6 162,75 kr; 2. avdrag {today.AddDays(44):dd.MM.yyyy}: 6 162,75 kr" : "Two installments of NOK 6,162.75, 30 days apart",
            ["Terms"] = nb ? "Ingen nye gebyrer mens avtalen følges." : "No new fees while the plan is kept.",
            ["Held"] = "10231",
            ["Invoices"] = "10231",
            ["Outcome"] = "rejected",
            ["Reason"] = nb ? "Varene ble kvittert mottatt uten anmerkninger 14.09.2026." : "The goods were signed for without remarks on 14 September 2026.",
            ["Credited"] = nb ? "1 000,00 kr" : "NOK 1,000.00",
            ["Remaining"] = nb ? "3 980,00 kr" : "NOK 3,980.00",
            ["Deadline"] = LetterFormat.Date(today.AddDays(14), language),
            ["PromisedDate"] = LetterFormat.Date(today.AddDays(7), language),
            ["PromisedAmount"] = "",
        };
        if (Receivables.DebtorPage.DebtorLinkRenderer.LinkedTemplates.Contains(template))
        {
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLink] = (pageLinkBase ?? SamplePageLinkBase).TrimEnd('/') + "/" + SampleToken;
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLinkExpires] = LetterFormat.Date(today.AddDays(45), language);
        }

        var debtor = business
            ? new Debtor(creditorId, "B-2001", "Bergen Bygg AS", "post@bergenbygg.example.no", CustomerType.Business, "987654321", language)
            : new Debtor(creditorId, "K-1001", "Kari Nordmann", "kari.nordmann@example.no", CustomerType.Consumer, null, language);
        return CaseDocuments.Create(
            template, language, creditorId, creditor, debtor, $"{creditorId}/{debtor.DebtorId}/sample", ReminderContent.ReplyAddress(creditor.Email, "sample"),
            null, invoices, charges, today, deadline, extra);

        ReminderInvoice Invoice(string number, DateOnly invoiceDate, DateOnly dueDate, decimal amount, decimal open, string kid) =>
            new(number, invoiceDate, dueDate, amount, open, kid, today.DayNumber - dueDate.DayNumber);
    }
}
