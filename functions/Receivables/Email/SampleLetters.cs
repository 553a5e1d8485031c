using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Plans;

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
        MessageTemplates.PlanAccepted,
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
    /// A promise confirmation's deadline is the promised date, as when a reply is answered. The letters that ask for
    /// money or an answer carry a sample link to the debtor's page (as sent letters carry a real one), under
    /// <paramref name="pageLinkBase"/> or <see cref="SamplePageLinkBase"/>.
    /// </summary>
    public static ReminderDocument Document(string template, string language, string creditorId, CreditorOptions creditor, DateOnly today, bool business = false, string? pageLinkBase = null, string? currency = null)
    {
        // In another currency than NOK the fee and, for a business, the § 3a compensation are NOK charges with their own total.
        var foreign = currency is not null && currency != RateTables.Currency;
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
            var notice = template == MessageTemplates.CollectionNotice;
            charges.Add(new ReminderCharge("reminder-fee", nb ? (notice ? "Gebyr for inkassovarsel" : "Purregebyr") : (notice ? "Collection notice fee" : "Reminder fee"), ReminderFee, nb ? "1/20 av inkassosatsen på 750 kr, jf. inkassoforskriften § 1-1" : "1/20 of the collection rate (inkassosats) of NOK 750, cf. inkassoforskriften § 1-1")
            {
                Currency = foreign ? RateTables.Currency : null,
            });
            if (foreign && business)
            {
                charges.Add(new ReminderCharge(ReminderContent.CompensationCharge, nb ? "Standardkompensasjon" : "Standard compensation", 460m - ReminderFee, nb ? "460,00 − 37,50 gebyr (forsinkelsesrenteloven § 3a)" : "460.00 − 37.50 fees charged (forsinkelsesrenteloven § 3a)") { Currency = RateTables.Currency });
            }

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

        var deadline = template switch
        {
            MessageTemplates.Acknowledgement or MessageTemplates.CallConfirmation => (DateOnly?)null,
            MessageTemplates.PromiseConfirmation => today.AddDays(7),
            _ => today.AddDays(14),
        };
        if (template is MessageTemplates.DisputeAcknowledgement)
        {
            // The disputed invoice is on hold: only the other one is asked for.
            invoices = [invoices[1]];
        }
        var extra = new Dictionary<string, string>
        {
            ["Message"] = nb ? "Vi har notert det og kommer tilbake med svar innen fem virkedager." : "We have noted it and will answer within five business days.",
            ["Held"] = "10231",
            ["Invoices"] = "10231",
            ["Outcome"] = "rejected",
            ["Reason"] = nb ? "Varene ble kvittert mottatt uten anmerkninger 14.09.2026." : "The goods were signed for without remarks on 14 September 2026.",
            ["Credited"] = LetterFormat.Amount(1_000m, "NOK", language),
            ["Remaining"] = LetterFormat.Amount(3_980m, "NOK", language),
            ["Deadline"] = LetterFormat.Date(today.AddDays(14), language),
            ["PromisedDate"] = LetterFormat.Date(today.AddDays(7), language),
            ["PromisedAmount"] = "",
        };
        // Each letter's own facts, as the feature that sends it states them.
        switch (template)
        {
            case MessageTemplates.InvoiceCopy:
                extra["Message"] = "";
                break;
            case MessageTemplates.CallConfirmation:
                extra["Message"] = nb
                    ? $"{(business ? "dere" : "du")} betaler {LetterFormat.Amount(5_000m, "NOK", language)} innen {LetterFormat.Date(today.AddDays(7), language)}. Vi sender ingen purringer før da."
                    : $"you will pay {LetterFormat.Amount(5_000m, "NOK", language)} by {LetterFormat.Date(today.AddDays(7), language)}. We will not send reminders until then.";
                break;
            case SetOff.SetOffs.Template:
                extra["ReceivableInvoices"] = "10231";
                extra["PayableInvoices"] = "L-77";
                extra["Amount"] = LetterFormat.Amount(3_000m, "NOK", language);
                break;
            case MessageTemplates.PaymentFound:
                // The payment was found: nothing is left to ask for.
                invoices = [];
                extra["source"] = "ledger";
                break;
        }

        if (template.StartsWith("plan-", StringComparison.Ordinal))
        {
            // A plan's letters state the plan's own figures, computed as the plans feature does.
            var plan = SamplePlan(creditorId, today, business);
            extra = PlanLetters.Figures(plan, language, new PlanPolicy(), creditor.BankAccount);
            if (template == MessageTemplates.PlanMissed)
            {
                extra["Installment"] = "2";
                extra["InstallmentAmount"] = LetterFormat.Amount(plan.Installments[1].Amount, plan.Currency, language);
                extra["InstallmentDue"] = LetterFormat.Date(plan.Installments[1].DueDate, language);
                extra["PayAmount"] = extra["InstallmentAmount"];
                extra["PayBy"] = LetterFormat.Date(plan.Installments[1].DueDate.AddDays(12), language);
                extra["Balance"] = LetterFormat.Amount(plan.Installments[2].Amount, plan.Currency, language);
            }
        }

        if (Receivables.DebtorPage.DebtorLinkRenderer.LinkedTemplates.Contains(template))
        {
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLink] = (pageLinkBase ?? SamplePageLinkBase).TrimEnd('/') + "/" + SampleToken;
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLinkExpires] = LetterFormat.Date(today.AddDays(45), language);
        }

        var debtor = business
            ? new Debtor(creditorId, "B-2001", "Bergen Bygg AS", "post@bergenbygg.example", CustomerType.Business, "987654321", language)
            : new Debtor(creditorId, "K-1001", "Kari Nordmann", "kari.nordmann@example.no", CustomerType.Consumer, null, language);
        return CaseDocuments.Create(
            template, language, creditorId, creditor, debtor, $"{creditorId}/{debtor.DebtorId}/sample", ReminderContent.ReplyAddress(creditor.Email, "sample"),
            currency, invoices, charges, today, deadline, extra);

        ReminderInvoice Invoice(string number, DateOnly invoiceDate, DateOnly dueDate, decimal amount, decimal open, string kid) =>
            new(number, invoiceDate, dueDate, amount, open, kid, today.DayNumber - dueDate.DayNumber);
    }

    /// <summary>A plan over the sample invoices: fees and interest included, compensation for a business, security asked of a business.</summary>
    public static RepaymentPlan SamplePlan(string creditorId, DateOnly today, bool business)
    {
        var plan = new RepaymentPlan
        {
            CreditorId = creditorId,
            PlanId = "P00005a3c21",
            DebtorId = business ? "B-2001" : "K-1001",
            DebtorName = business ? "Bergen Bygg AS" : "Kari Nordmann",
            DebtorIsBusiness = business,
            CaseId = creditorId + "/sample",
            Status = PlanStatus.Proposed,
            StartDate = today,
            Currency = "NOK",
            CoveredInvoices = ["10231", "10258"],
            Principal = 12_325.50m,
            Fees = 75.00m,
            Interest = 186.40m,
            Compensation = business ? 422.50m : 0m,
            FeesWaivedIfKept = 75.00m,
            Frequency = PlanFrequency.Monthly,
            RequiresSecurity = business,
            AnswerBy = today.AddDays(14),
        };
        plan.Claim = plan.Principal + plan.Fees + plan.Interest + plan.Compensation;
        var scheduled = plan.Claim - plan.FeesWaivedIfKept;
        var each = Math.Floor(scheduled / 3m);
        plan.Installments = [new(1, today.AddDays(14), each, false), new(2, today.AddDays(14).AddMonths(1), each, false), new(3, today.AddDays(14).AddMonths(2), scheduled - (2 * each), false)];
        plan.Kid = PlanReference.KidFor(plan.PlanId);
        return plan;
    }
}
