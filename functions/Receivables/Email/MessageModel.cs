namespace Receivables.Email;

/// <summary>What templates see: the document's values formatted for the language (snake_case names); the HTML encoder encodes them on output.</summary>
public static class MessageModel
{
    public static IReadOnlyDictionary<string, object?> Create(ReminderDocument d, string language)
    {
        string Money(decimal amount) => LetterFormat.Money(amount, language);
        string Date(DateOnly date) => LetterFormat.Date(date, language);
        string Label(string currency) => language != "en" && currency == "NOK" ? "kr" : currency;
        var others = d.OtherTotals;
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in d.Extra ?? new Dictionary<string, string>())
        {
            extra[key] = value;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["language"] = language,
            ["creditor_name"] = d.CreditorName,
            ["creditor_org_number"] = d.CreditorOrgNumber,
            ["creditor_email"] = d.CreditorEmail,
            ["creditor_phone"] = d.CreditorPhone,
            ["creditor_bank_account"] = FormatAccount(d.CreditorBankAccount),
            ["creditor_address"] = d.CreditorAddress,
            ["debtor_name"] = d.DebtorName,
            ["debtor_is_business"] = d.DebtorIsBusiness,

            // Businesses are "dere", consumers "du" (and their forms), so every template addresses them consistently.
            // (Start a sentence with {{ stor_du }}.)
            ["du"] = d.DebtorIsBusiness ? "dere" : "du",
            ["stor_du"] = d.DebtorIsBusiness ? "Dere" : "Du",
            ["deg"] = d.DebtorIsBusiness ? "dere" : "deg",
            ["din"] = d.DebtorIsBusiness ? "deres" : "din",
            ["ditt"] = d.DebtorIsBusiness ? "deres" : "ditt",
            ["dine"] = d.DebtorIsBusiness ? "deres" : "dine",
            ["reply_address"] = d.ReplyAddress,
            ["currency"] = d.Currency,
            ["currency_label"] = language != "en" && d.Currency == "NOK" ? "kr" : d.Currency,
            ["invoices"] = d.Invoices.Select(i => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = i.InvoiceNumber,
                ["invoice_date"] = Date(i.InvoiceDate),
                ["due_date"] = Date(i.DueDate),
                ["amount"] = Money(i.Amount),
                ["open"] = Money(i.OpenAmount),
                ["kid"] = i.Kid,
                ["days_overdue"] = i.DaysOverdue,
                ["is_credit"] = i.OpenAmount < 0m,
            }).ToList(),
            ["charges"] = d.Charges.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["description"] = c.Description,
                ["amount"] = Money(c.Amount),
                ["basis"] = c.Basis,
                ["currency"] = c.Currency ?? d.Currency,
                ["currency_label"] = Label(c.Currency ?? d.Currency),
                ["other_currency"] = c.Currency is { } own && own != d.Currency,
            }).ToList(),
            ["principal"] = Money(d.Principal),
            ["charges_total"] = Money(d.Charges.Where(c => c.Currency is null || c.Currency == d.Currency).Sum(c => c.Amount)),
            ["total"] = Money(d.Total),

            // Per currency, never added together: NOK fees on a USD invoice are a second total ("12 345,00 USD + 37,50 kr").
            ["other_totals"] = others.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["amount"] = Money(t.Amount),
                ["currency"] = t.Currency,
                ["currency_label"] = Label(t.Currency),
                ["name"] = t.Currency == "NOK" ? (language == "en" ? "Norwegian kroner" : "norske kroner") : t.Currency,
            }).ToList(),
            ["has_other_totals"] = others.Count > 0,
            ["total_text"] = Money(d.Total) + " " + Label(d.Currency) + string.Concat(others.Select(t => " + " + Money(t.Amount) + " " + Label(t.Currency))),
            ["has_total"] = d.Invoices.Count > 0,
            ["issue_date"] = Date(d.IssueDate),
            ["deadline"] = d.Deadline is { } deadline ? Date(deadline) : null,
            ["kid"] = d.Kid,

            // How the payment is to be marked when the letter has no single KID: each invoice's KID, the KID where an
            // invoice has one and its number where not, or the invoice number(s) when none has a KID.
            ["payment_reference"] = d.Invoices.Where(i => i.OpenAmount > 0m).ToList() switch
            {
                var payable when payable.Count > 0 && payable.All(i => !string.IsNullOrEmpty(i.Kid)) => "kid",
                var payable when payable.Any(i => !string.IsNullOrEmpty(i.Kid)) => "kid-or-number",
                _ => "number",
            },
            ["extra"] = extra,
        };
    }

    /// <summary>Norwegian account numbers print as 1234.56.78903.</summary>
    public static string? FormatAccount(string? account) =>
        account is { Length: 11 } a && a.All(char.IsAsciiDigit) ? $"{a[..4]}.{a[4..6]}.{a[6..]}" : account;
}
