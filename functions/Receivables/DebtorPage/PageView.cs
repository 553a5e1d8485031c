using System.Globalization;
using System.Net;
using System.Text;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Plans;

namespace Receivables.DebtorPage;

/// <summary>
/// Renders the debtor's page as HTML on the server: every value HTML-encoded, no script at all, one stylesheet served
/// by the app, forms in <c>details</c> elements so that each answer is two clicks away without JavaScript.
/// </summary>
public static class PageView
{
    public const string Css = "/api/debtor-assets/page.css";

    public static string Page(PageModel m)
    {
        var l = m.Language;
        var html = new StringBuilder();
        Head(html, l, PageTexts.T(l, "title", m.Creditor.Name));
        html.Append("<a class=\"skip\" href=\"#answer\">").Append(E(PageTexts.T(l, "skip"))).Append("</a>");
        html.Append("<header><p class=\"creditor\">").Append(E(m.Creditor.Name));
        if (!string.IsNullOrWhiteSpace(m.Creditor.OrgNumber))
        {
            html.Append(" · ").Append(E(PageTexts.T(l, "org"))).Append(' ').Append(E(m.Creditor.OrgNumber));
        }

        html.Append("</p><h1>").Append(E(PageTexts.T(l, "title", m.Creditor.Name))).Append("</h1><p>").Append(E(m.DebtorName)).Append("</p></header><main>");
        if (m.Done is { } done)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>").Append(E(PageTexts.T(l, "done-" + done))).Append("</p></div>");
        }

        if (m.Case.Pause is Dunning.PauseReason.PromiseToPay && m.Case.PausedUntil is { } until)
        {
            html.Append("<p class=\"state\">").Append(E(PageTexts.T(l, "paused-promise", LetterFormat.Date(until, l)))).Append("</p>");
        }
        else if (m.Case.Pause is not null)
        {
            html.Append("<p class=\"state\">").Append(E(PageTexts.T(l, "paused"))).Append("</p>");
        }

        Invoices(html, m);
        HowToPay(html, m);
        Documents(html, m);
        Answers(html, m);
        var contact = PageTexts.T(l, "contact-us", m.Creditor.Email, string.IsNullOrWhiteSpace(m.Creditor.Phone) ? "" : PageTexts.T(l, "or-call", m.Creditor.Phone));
        html.Append("</main><footer><p>").Append(E(contact)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(m.Creditor.Address))
        {
            html.Append("<p>").Append(E(m.Creditor.Address)).Append("</p>");
        }

        html.Append("</footer></body></html>");
        return html.ToString();
    }

    /// <summary>The one answer for a wrong, altered, expired or revoked link (both languages: we do not know whose it is).</summary>
    public static string LinkNotValid(string token, string formToken, bool sent)
    {
        var html = new StringBuilder();
        Head(html, "nb", "Lenken virker ikke / The link does not work");
        html.Append("<main><h1>Lenken virker ikke lenger</h1>")
            .Append("<p>Lenken kan være utløpt eller feil skrevet av. Vi kan sende en ny lenke til e-postadressen vi har registrert på deg.</p>")
            .Append("<h2 lang=\"en\">The link no longer works</h2>")
            .Append("<p lang=\"en\">The link may have expired or been copied wrongly. We can send a new link to the email address we have for you.</p>");
        if (sent)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>Hvis lenken var vår, er en ny på vei til adressen vi har registrert.</p><p lang=\"en\">If the link was ours, a new one is on its way to the address we have for you.</p></div>");
        }
        else
        {
            html.Append("<form method=\"post\" action=\"").Append(E(ActionUrl(token, "renew"))).Append("\">")
                .Append("<input type=\"hidden\" name=\"form\" value=\"").Append(E(formToken)).Append("\">")
                .Append("<button type=\"submit\">Send meg en ny lenke <span lang=\"en\">/ Send me a new link</span></button></form>");
        }

        html.Append("</main></body></html>");
        return html.ToString();
    }

    public static string TooManyRequests()
    {
        var html = new StringBuilder();
        Head(html, "nb", "For mange forespørsler / Too many requests");
        html.Append("<main><h1>For mange forespørsler</h1><p>Vent et minutt og prøv igjen.</p><p lang=\"en\">Too many requests. Wait a minute and try again.</p></main></body></html>");
        return html.ToString();
    }

    public static string ActionUrl(string token, string action) => "/api/debtor/" + token + "/" + action;

    private static void Head(StringBuilder html, string language, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Css).Append("\"></head><body>");

    private static void Invoices(StringBuilder html, PageModel m)
    {
        var l = m.Language;
        html.Append("<section aria-labelledby=\"open\"><h2 id=\"open\">").Append(E(PageTexts.T(l, "open-invoices"))).Append("</h2>");
        if (m.Claim is not { } claim)
        {
            html.Append("<p>–</p></section>");
            return;
        }

        var currency = claim.Currency;
        html.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"open\" tabindex=\"0\"><table><thead><tr><th scope=\"col\">").Append(E(PageTexts.T(l, "invoice")))
            .Append("</th><th scope=\"col\">").Append(E(PageTexts.T(l, "due")))
            .Append("</th><th scope=\"col\" class=\"n\">").Append(E(PageTexts.T(l, "open-amount")))
            .Append("</th><th scope=\"col\" class=\"n\">").Append(E(PageTexts.T(l, "fees")))
            .Append("</th><th scope=\"col\" class=\"n\">").Append(E(PageTexts.T(l, "interest")))
            .Append("</th><th scope=\"col\">").Append(E(PageTexts.T(l, "kid"))).Append("</th></tr></thead><tbody>");
        foreach (var line in claim.Invoices)
        {
            var held = IsHeld(m, line);
            html.Append("<tr><th scope=\"row\">").Append(E(line.InvoiceNumber));
            if (held)
            {
                html.Append(" <span class=\"tag\">").Append(E(PageTexts.T(l, "held"))).Append("</span>");
            }

            html.Append("</th><td>").Append(E(LetterFormat.Date(line.DueDate, l)))
                .Append("</td><td class=\"n\">").Append(E(LetterFormat.Money(line.OpenAmount, l)))
                .Append("</td><td class=\"n\">").Append(E(LetterFormat.Money(line.FeesTotal + line.CompensationNet, l)))
                .Append("</td><td class=\"n\">").Append(E(LetterFormat.Money(line.InterestTotal, l)))
                .Append("</td><td>").Append(E(line.Kid ?? "")).Append("</td></tr>");
        }

        html.Append("</tbody><tfoot>");
        if (claim.Credits != 0m)
        {
            html.Append("<tr><th scope=\"row\" colspan=\"2\">").Append(E(PageTexts.T(l, "credits"))).Append("</th><td class=\"n\">")
                .Append(E(LetterFormat.Money(claim.Credits, l))).Append("</td><td colspan=\"3\"></td></tr>");
        }

        var anyHeld = claim.Invoices.Any(i => IsHeld(m, i));
        html.Append("<tr class=\"total\"><th scope=\"row\" colspan=\"2\">").Append(E(PageTexts.T(l, anyHeld ? "total-without-held" : "total"))).Append(" (").Append(E(currency)).Append(")</th><td class=\"n\" colspan=\"3\">")
            .Append(E(LetterFormat.Money(Payable(m, claim), l))).Append("</td><td></td></tr></tfoot></table></div></section>");
    }

    private static void HowToPay(StringBuilder html, PageModel m)
    {
        if (m.Claim is not { } claim)
        {
            return;
        }

        var l = m.Language;
        var payable = claim.Invoices.Where(i => !IsHeld(m, i)).ToList();
        var kids = payable.Select(i => i.Kid).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal).ToList();
        html.Append("<section aria-labelledby=\"pay\"><h2 id=\"pay\">").Append(E(PageTexts.T(l, "how-to-pay"))).Append("</h2><dl class=\"pay\">");
        if (!string.IsNullOrWhiteSpace(m.Creditor.BankAccount))
        {
            html.Append("<dt>").Append(E(PageTexts.T(l, "account"))).Append("</dt><dd>").Append(E(MessageModel.FormatAccount(m.Creditor.BankAccount))).Append("</dd>");
        }

        html.Append("<dt>").Append(E(PageTexts.T(l, "kid"))).Append("</dt><dd>");
        html.Append(kids.Count == 1 && payable.Count == 1 ? E(kids[0]) : E(PageTexts.T(l, kids.Count > 0 ? "kid-per-invoice" : "no-kid")));
        html.Append("</dd><dt>").Append(E(PageTexts.T(l, "amount"))).Append("</dt><dd>").Append(E(claim.Currency)).Append(' ').Append(E(LetterFormat.Money(Payable(m, claim), l))).Append("</dd></dl></section>");
    }

    /// <summary>A disputed invoice is on hold: the page, like the dispute acknowledgement, asks payment only of the rest.</summary>
    private static bool IsHeld(PageModel m, ClaimLine line) => m.Case.HeldInvoices.Contains(line.InvoiceNumber, StringComparer.Ordinal);

    private static decimal Payable(PageModel m, ClaimStatement claim) =>
        claim.Total - claim.Invoices.Where(i => IsHeld(m, i)).Sum(i => i.Total);

    private static void Documents(StringBuilder html, PageModel m)
    {
        var l = m.Language;
        html.Append("<section aria-labelledby=\"docs\"><h2 id=\"docs\">").Append(E(PageTexts.T(l, "documents"))).Append("</h2><ul>");
        html.Append(m.HasLetter
            ? "<li><a href=\"" + E(ActionUrl(m.Token, "letter.pdf")) + "\">" + E(PageTexts.T(l, "letter")) + "</a></li>"
            : "<li>" + E(PageTexts.T(l, "no-letter")) + "</li>");
        foreach (var invoice in m.Invoices)
        {
            var number = Uri.EscapeDataString(invoice.InvoiceNumber);
            var copy = m.Copies.GetValueOrDefault(invoice.InvoiceNumber);
            html.Append("<li><a href=\"").Append(E(ActionUrl(m.Token, "invoice/" + number + ".pdf"))).Append("\">")
                .Append(E(PageTexts.T(l, copy is null ? "invoice-details" : "invoice-copy", invoice.InvoiceNumber))).Append("</a>");
            if (copy is { Attachments.Count: > 0 })
            {
                html.Append("<ul>");
                for (var i = 0; i < copy.Attachments.Count; i++)
                {
                    var attachment = copy.Attachments[i];
                    html.Append("<li>").Append(E(PageTexts.T(l, "attachment"))).Append(' ');
                    html.Append(attachment.IsPdf
                        ? "<a href=\"" + E(ActionUrl(m.Token, "attachment/" + number + "/" + (i + 1).ToString(CultureInfo.InvariantCulture) + ".pdf")) + "\">" + E(attachment.FileName) + " (PDF)</a>"
                        : E(attachment.FileName) + " – " + E(PageTexts.T(l, "attachment-not-pdf")));
                    html.Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (m.Copies.Count > 0)
        {
            html.Append("<p class=\"note\">").Append(E(PageTexts.T(l, "copies-ehf-note"))).Append("</p>");
        }

        if (m.Invoices.Any(i => !m.Copies.ContainsKey(i.InvoiceNumber)))
        {
            html.Append("<p class=\"note\">").Append(E(PageTexts.T(l, "copies-note"))).Append("</p>");
        }

        html.Append("</section>");
    }

    private static void Answers(StringBuilder html, PageModel m)
    {
        var l = m.Language;
        html.Append("<section aria-labelledby=\"answer\"><h2 id=\"answer\">").Append(E(PageTexts.T(l, "answer"))).Append("</h2>");
        var today = m.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Form(html, m, "paid", f =>
        {
            Input(f, m, "paid", "paidDate", "date", PageTexts.T(l, "paid-date"), required: true, min: m.Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), max: today, value: today);
            Input(f, m, "paid", "reference", "text", PageTexts.T(l, "reference"), required: false, maxLength: 100);
        });
        Form(html, m, "promise", f =>
        {
            Help(f, "promise", PageTexts.T(l, "promise-help", LetterFormat.Date(m.PromiseLatest, l)));
            Input(f, m, "promise", "date", "date", PageTexts.T(l, "promise-date"), required: true, min: today, describedBy: "promise-help");
        });
        Form(html, m, "dispute", f =>
        {
            Help(f, "dispute", PageTexts.T(l, "dispute-help"));
            f.Append("<fieldset><legend>").Append(E(PageTexts.T(l, "dispute-which"))).Append("</legend>");
            var chosen = m.Values.TryGetValue("invoice", out var v) ? v.Split(',') : [];
            var i = 0;
            foreach (var invoice in m.Invoices)
            {
                var id = "dispute-invoice-" + i++;
                f.Append("<div class=\"check\"><input type=\"checkbox\" name=\"invoice\" id=\"").Append(id).Append("\" value=\"").Append(E(invoice.InvoiceNumber)).Append('"')
                    .Append(chosen.Contains(invoice.InvoiceNumber) ? " checked" : "").Append("><label for=\"").Append(id).Append("\">")
                    .Append(E(PageTexts.T(l, "invoice"))).Append(' ').Append(E(invoice.InvoiceNumber)).Append(" (").Append(E(LetterFormat.Money(invoice.OpenAmount, l))).Append(")</label></div>");
            }

            f.Append("</fieldset>");
            f.Append("<label for=\"dispute-reason\">").Append(E(PageTexts.T(l, "reason"))).Append("</label><textarea id=\"dispute-reason\" name=\"reason\" rows=\"4\" maxlength=\"2000\" required>")
                .Append(E(m.Values.GetValueOrDefault("reason") ?? "")).Append("</textarea>");
        });
        Form(html, m, "plan", f =>
        {
            Help(f, "plan", PageTexts.T(l, "plan-help", LetterFormat.Money(m.MinInstallment, l), m.MaxPlanMonths));
            Input(f, m, "plan", "amount", "number", PageTexts.T(l, "plan-amount"), required: true, min: "1", describedBy: "plan-help", step: "1");
            f.Append("<label for=\"plan-frequency\">").Append(E(PageTexts.T(l, "plan-frequency"))).Append("</label><select id=\"plan-frequency\" name=\"frequency\">");
            var selected = m.Values.GetValueOrDefault("frequency") ?? m.DefaultFrequency.ToString();
            foreach (var frequency in Enum.GetNames<PlanFrequency>())
            {
                f.Append("<option value=\"").Append(frequency).Append('"').Append(frequency == selected ? " selected" : "").Append('>').Append(E(PageTexts.T(l, frequency))).Append("</option>");
            }

            f.Append("</select>");
        });
        Form(html, m, "copy", f => Help(f, "copy", PageTexts.T(l, "copy-help")));
        Form(html, m, "contact", f =>
        {
            Help(f, "contact", PageTexts.T(l, "contact-help"));
            Input(f, m, "contact", "email", "email", PageTexts.T(l, "email"), required: false, maxLength: 200, autocomplete: "email");
            Input(f, m, "contact", "phone", "tel", PageTexts.T(l, "phone"), required: false, maxLength: 40, autocomplete: "tel");
            f.Append("<label for=\"contact-address\">").Append(E(PageTexts.T(l, "address"))).Append("</label><textarea id=\"contact-address\" name=\"address\" rows=\"3\" maxlength=\"500\" autocomplete=\"street-address\">")
                .Append(E(m.Values.GetValueOrDefault("address") ?? "")).Append("</textarea>");
        });
        html.Append("</section>");
    }

    private static void Form(StringBuilder html, PageModel m, string action, Action<StringBuilder> fields)
    {
        var l = m.Language;
        var open = m.OpenForm == action;
        html.Append("<details id=\"").Append(action).Append('"').Append(open ? " open" : "").Append("><summary>").Append(E(PageTexts.T(l, action))).Append("</summary>")
            .Append("<form method=\"post\" action=\"").Append(E(ActionUrl(m.Token, action))).Append("\">")
            .Append("<input type=\"hidden\" name=\"form\" value=\"").Append(E(m.FormToken(action))).Append("\">");
        if (open && m.Errors.Count > 0)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(E(PageTexts.T(l, "error"))).Append("</p><ul>");
            foreach (var error in m.Errors)
            {
                html.Append("<li>").Append(E(error)).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        fields(html);
        html.Append("<button type=\"submit\">").Append(E(PageTexts.T(l, "send"))).Append("</button></form></details>");
    }

    private static void Help(StringBuilder html, string action, string text) =>
        html.Append("<p class=\"help\" id=\"").Append(action).Append("-help\">").Append(E(text)).Append("</p>");

    private static void Input(StringBuilder html, PageModel m, string action, string name, string type, string label, bool required,
        string? min = null, string? max = null, string? value = null, int? maxLength = null, string? describedBy = null, string? step = null, string? autocomplete = null)
    {
        var id = action + "-" + name;
        var current = m.OpenForm == action && m.Values.TryGetValue(name, out var typed) ? typed : value;
        html.Append("<label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label><input id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append('"');
        Attr(html, "min", min);
        Attr(html, "max", max);
        Attr(html, "step", step);
        Attr(html, "value", current);
        Attr(html, "maxlength", maxLength?.ToString(CultureInfo.InvariantCulture));
        Attr(html, "aria-describedby", describedBy);
        Attr(html, "autocomplete", autocomplete);
        html.Append(required ? " required>" : ">");
    }

    private static void Attr(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            html.Append(' ').Append(name).Append("=\"").Append(E(value)).Append('"');
        }
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
