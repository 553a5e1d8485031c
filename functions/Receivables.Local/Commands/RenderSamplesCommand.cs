using System.CommandLine;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Plans;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>render-samples --out &lt;dir&gt;</c>: every message template in both languages, rendered from a sample document to
/// <c>.eml</c> files a person can open in a mail program (uploaded overrides in the templates container are used).
/// </summary>
internal static class RenderSamplesCommand
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
        Receivables.SetOff.SetOffs.Template,
        MessageTemplates.DisputeAcknowledgement,
        MessageTemplates.DisputeOutcome,
        MessageTemplates.PromiseConfirmation,
        MessageTemplates.PromiseBroken,
        MessageTemplates.PaymentFound,
    ];

    /// <summary>Each letter is written for a consumer ("du") and a business ("dere").</summary>
    public static readonly IReadOnlyList<bool> Audiences = [false, true];

    public static string Audience(bool business) => business ? "business" : "consumer";

    /// <summary>The letters that charge fees, also written for a business invoiced in US dollars (<c>{template}.{language}.business-usd.eml</c>).</summary>
    public static readonly IReadOnlyList<string> UsdTemplates = [MessageTemplates.Reminder, MessageTemplates.CollectionNotice];

    public static readonly IReadOnlyList<string> Languages = ["nb", "en"];

    /// <summary>Where the samples' page link points (a token of the real length that was never issued opens nothing).</summary>
    public const string SamplePageLinkBase = SampleLetters.SamplePageLinkBase;

    private const string SampleToken = "oimYeQEpK6J-TdCLRcbHvVmBSXMuO1mkVD1iIuGl4Tcoo2ad0n4kes8";

    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the .eml files to (created if missing).", Required = true };
        var creditor = new Option<string?>("--creditor") { Description = "Creditor whose name, account and phone the samples show; default: the first configured." };
        var command = new Command("render-samples", "Render every message template in nb and en from a sample reminder to .eml files, to look at them.");
        command.Options.Add(output);
        command.Options.Add(creditor);
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var options = host.Get<IOptions<ReceivablesOptions>>().Value;
            var creditorId = parse.GetValue(creditor) ?? options.Creditors.Keys.Order(StringComparer.Ordinal).First();
            if (!options.Creditors.TryGetValue(creditorId, out var creditorOptions))
            {
                throw new ReceivablesException($"--creditor '{creditorId}' is not configured (Receivables:Creditors:{creditorId}).");
            }

            var clock = host.Get<BusinessClock>();
            var files = await RenderAsync(host.Get<CaseMessenger>(), host.Get<IMessageRenderer>(), creditorId, creditorOptions, clock.Today, clock.Now, parse.GetValue(output)!, token);
            foreach (var file in files)
            {
                Console.WriteLine(file);
            }

            Console.WriteLine($"{files.Count} sample message(s) written.");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>
    /// Renders all templates in both languages for a consumer and a business and writes
    /// <c>{template}.{language}.{consumer|business}.eml</c>, plus the printed documents: the plan agreement
    /// (<c>plan-agreement.{language}.{audience}.pdf</c>) and the inkassovarsel as posted
    /// (<c>collection-notice.{language}.{audience}.post.pdf</c>); returns the paths.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(CaseMessenger messenger, IMessageRenderer renderer, string creditorId, CreditorOptions creditor, DateOnly today, DateTimeOffset now, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var template in Templates)
        {
            foreach (var (language, business) in Languages.SelectMany(l => Audiences.Select(b => (l, b))))
            {
                var document = SampleDocument(template, language, creditorId, creditor, today, business);
                if (template == MessageTemplates.PlanProposal)
                {
                    // The terms come from their own template, as when a plan is approved.
                    var terms = await renderer.RenderPartsAsync(document with { Template = PlanTemplates.Terms }, cancellationToken);
                    document = document with { Extra = new Dictionary<string, string>(document.Extra!) { ["Terms"] = terms.GetValueOrDefault("terms") ?? "" } };
                }

                var email = await messenger.ComposeAsync(new CaseMessage(document, $"sample/{creditorId}/{template}/{language}/{Audience(business)}", Actors.System), cancellationToken);
                var path = Path.Combine(folder, $"{template}.{language}.{Audience(business)}.eml");
                await File.WriteAllBytesAsync(path, MimeMessages.ToBytes(MimeMessages.Build(email, now)), cancellationToken);
                files.Add(Path.GetFullPath(path));
                if (template == MessageTemplates.CollectionNotice)
                {
                    var post = Path.Combine(folder, $"{template}.{language}.{Audience(business)}.post.pdf");
                    await File.WriteAllBytesAsync(post, Receivables.Channel.PrintedLetter.Render(creditor, document.DebtorName, email.Subject, email.TextBody, "sample", language == "en"), cancellationToken);
                    files.Add(Path.GetFullPath(post));
                }

                if (template == MessageTemplates.PlanProposal)
                {
                    var words = await renderer.RenderPartsAsync(document with { Template = PlanTemplates.Agreement }, cancellationToken);
                    var debtor = new Receivables.Ledger.Debtor(creditorId, document.DebtorId, document.DebtorName, document.DebtorEmail, business ? CustomerType.Business : CustomerType.Consumer, business ? "912345678" : null, language);
                    var agreement = Path.Combine(folder, $"plan-agreement.{language}.{Audience(business)}.pdf");
                    await File.WriteAllBytesAsync(agreement, PlanAgreementPdf.Render(SamplePlan(creditorId, today, business), words, language, creditor, debtor), cancellationToken);
                    files.Add(Path.GetFullPath(agreement));
                }
            }
        }

        foreach (var template in UsdTemplates)
        {
            foreach (var language in Languages)
            {
                // The invoices in USD; the fee and the compensation stay NOK amounts with their own total.
                var document = SampleDocument(template, language, creditorId, creditor, today, business: true, currency: "USD");
                var email = await messenger.ComposeAsync(new CaseMessage(document, $"sample/{creditorId}/{template}/{language}/business-usd", Actors.System), cancellationToken);
                var path = Path.Combine(folder, $"{template}.{language}.business-usd.eml");
                await File.WriteAllBytesAsync(path, MimeMessages.ToBytes(MimeMessages.Build(email, now)), cancellationToken);
                files.Add(Path.GetFullPath(path));
                if (template == MessageTemplates.CollectionNotice)
                {
                    var post = Path.Combine(folder, $"{template}.{language}.business-usd.post.pdf");
                    await File.WriteAllBytesAsync(post, Receivables.Channel.PrintedLetter.Render(creditor, document.DebtorName, email.Subject, email.TextBody, "sample", language == "en"), cancellationToken);
                    files.Add(Path.GetFullPath(post));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// A plausible document: two overdue invoices (one part-paid), and for the formal steps a reminder fee (1/20 of the
    /// 2026 inkassosats) and late-payment interest at 12 % a year, computed here the way the dunning rules state them.
    /// </summary>
    /// <paramref name="currency"/>: the invoices' currency (default the creditor's); in another currency than NOK the fee
    /// and, for a business, the § 3a compensation are NOK charges with their own total.
    public static ReminderDocument SampleDocument(string template, string language, string creditorId, CreditorOptions creditor, DateOnly today, bool business = false, string? currency = null)
    {
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

        var deadline = template is MessageTemplates.Acknowledgement or MessageTemplates.CallConfirmation ? (DateOnly?)null : today.AddDays(14);
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
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLink] = SamplePageLinkBase.TrimEnd('/') + "/" + SampleToken;
            extra[Receivables.DebtorPage.DebtorLinkRenderer.PageLinkExpires] = LetterFormat.Date(today.AddDays(45), language);
        }

        var debtor = business
            ? new Debtor(creditorId, "B-2001", "Bergen Bygg AS", "post@bergenbygg.example", CustomerType.Business, "912345678", language)
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
