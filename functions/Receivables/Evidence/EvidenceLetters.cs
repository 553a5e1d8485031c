using System.Globalization;
using System.Text.Json;

namespace Receivables.Evidence;

/// <summary>
/// Reads the letters of a case from its archived items: a sent reminder's decision record (the document it stated:
/// template, amounts, deadline, invoices, recipient), a case message's metadata, and whether the letter was also printed
/// for post or posted. Names each letter's type in the creditor's language.
/// </summary>
public static class EvidenceLetters
{
    private static readonly IReadOnlyDictionary<string, (string Nb, string En)> Types = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["friendly-reminder"] = ("påminnelse", "friendly reminder"),
        ["reminder"] = ("purring", "reminder"),
        ["collection-notice"] = ("inkassovarsel (inkassoloven § 9)", "collection notice (inkassovarsel, § 9)"),
        ["payment-demand"] = ("betalingsoppfordring (inkassoloven § 10)", "payment demand (§ 10)"),
        ["plan-proposal"] = ("forslag til nedbetalingsavtale", "repayment plan proposal"),
        ["plan-accepted"] = ("bekreftelse av nedbetalingsavtale", "repayment plan confirmation"),
        ["plan-missed"] = ("varsel om manglende avdrag", "missed installment notice"),
        ["acknowledgement"] = ("svar på henvendelse", "answer to the debtor"),
        ["still-open"] = ("betalingen ikke funnet", "payment not found"),
        ["invoice-copy"] = ("fakturakopi", "invoice copy"),
        ["call-confirmation"] = ("bekreftelse av telefonsamtale", "confirmation of a call"),
        ["set-off-notice"] = ("motregningserklæring", "set-off declaration"),
    };

    private static JsonElement Field(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string TypeOf(string template, string language) =>
        Types.TryGetValue(template, out var type) ? (language == "en" ? type.En : type.Nb) : template;

    /// <summary>The letters of <paramref name="entries"/>, keyed by the sent message's entry path.</summary>
    public static async Task<IReadOnlyDictionary<string, EvidenceLetter>> ReadAsync(IReadOnlyList<ArchivedEntry> entries, Func<string, Task<byte[]>> readItem, string language, TimeZoneInfo zone)
    {
        var letters = new Dictionary<string, EvidenceLetter>(StringComparer.Ordinal);
        var byKey = entries.GroupBy(e => e.Entry.IdempotencyKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var en = language == "en";
        foreach (var sent in entries.Where(e => e.Entry.Kind == EvidenceKinds.OutboundEmail))
        {
            var key = sent.Entry.IdempotencyKey;
            var messageKey = key.StartsWith("email|", StringComparison.Ordinal) ? key["email|".Length..] : key.StartsWith("sent:", StringComparison.Ordinal) ? key["sent:".Length..] : key;
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sent.Entry.OccurredAt, zone).DateTime);
            var channel = en ? "email" : "e-post";
            if (byKey.ContainsKey("post:" + messageKey))
            {
                channel += en ? "; printed for post" : "; skrevet ut for post";
            }

            var template = sent.Entry.Metadata.GetValueOrDefault("template");
            var recipient = sent.Entry.Metadata.GetValueOrDefault(EvidenceMetadata.To) ?? "";
            string invoices = "", amount = "";
            DateOnly? deadline = null;
            if (byKey.TryGetValue("decision|" + messageKey, out var decision))
            {
                try
                {
                    using var json = JsonDocument.Parse(await readItem(decision.Entry.ItemPath));
                    var root = json.RootElement;
                    JsonElement P(string name) => root.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
                    template ??= P("Template").GetString();
                    recipient = $"{P("DebtorName").GetString()} <{P("DebtorEmail").GetString()}>";
                    invoices = string.Join(", ", P("Invoices").EnumerateArray().Where(i => Field(i, "OpenAmount").GetDecimal() > 0m).Select(i => Field(i, "InvoiceNumber").GetString()));
                    var currency = P("Currency").GetString() ?? "";
                    var total = P("Total").GetDecimal();
                    amount = total.ToString("N2", CultureInfo.GetCultureInfo(en ? "en-GB" : "nb-NO")) + " " + (!en && currency == "NOK" ? "kr" : currency);
                    if (root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "Deadline", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } d)
                    {
                        deadline = DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture);
                    }
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    // An older or foreign decision record: the letter is still listed with what its metadata says.
                }
            }

            letters[sent.EntryPath] = new EvidenceLetter(TypeOf(template ?? "", language), date, channel, recipient, invoices, amount.Length == 0 ? null : amount, deadline);
        }

        return letters;
    }
}
