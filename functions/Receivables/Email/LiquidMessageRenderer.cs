using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Azure;
using DotLiquid;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Email;

/// <summary>
/// Renders messages with Liquid templates (DotLiquid). Each message template (<c>{template}.{language}.liquid</c>)
/// captures <c>subject</c>, <c>intro</c> and <c>closing</c>; the language's layouts (<c>layout.{language}.html.liquid</c>,
/// <c>layout.{language}.txt.liquid</c>) print the invoices, charges, totals, payment details and contact. A file of the
/// same name uploaded to the <c>templates</c> container replaces the shipped default, without recompiling.
/// Templates only format: every amount and date comes computed in the <see cref="ReminderDocument"/>. For the HTML
/// part every value is HTML-encoded before the template sees it.
/// </summary>
public sealed class LiquidMessageRenderer(StorageClients storage, ILogger<LiquidMessageRenderer> logger) : IMessageRenderer
{
    private readonly ConcurrentDictionary<string, (ETag? ETag, Template Template)> cache = new(StringComparer.Ordinal);

    public async Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        var language = document.Language is "en" ? "en" : "nb";
        var name = $"{document.Template}.{language}.liquid";
        var message = await LoadAsync(name, cancellationToken);
        var html = await LoadAsync($"layout.{language}.html.liquid", cancellationToken);
        var text = await LoadAsync($"layout.{language}.txt.liquid", cancellationToken);

        var textModel = MessageModel.Create(document, language, encode: false);
        var textParts = Captures(message, textModel, name);
        var htmlModel = MessageModel.Create(document, language, encode: true);
        var htmlParts = Captures(message, htmlModel, name);
        if (string.IsNullOrWhiteSpace(textParts["subject"] as string))
        {
            throw new ReceivablesException($"Template '{name}' sets no subject ({{% capture subject %}}...{{% endcapture %}}).");
        }

        textModel.Merge(textParts);
        htmlModel.Merge(htmlParts);
        return new RenderedMessage(
            ((string)textParts["subject"]!).Trim(),
            Normalize(Render(text, textModel, $"layout.{language}.txt.liquid")),
            Render(html, htmlModel, $"layout.{language}.html.liquid"));
    }

    public async Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        var language = document.Language is "en" ? "en" : "nb";
        var name = $"{document.Template}.{language}.liquid";
        var template = await LoadAsync(name, cancellationToken);
        Render(template, MessageModel.Create(document, language, encode: false), name);
        return template.InstanceAssigns.ToDictionary(a => a.Key, a => a.Value?.ToString()?.Trim() ?? "", StringComparer.Ordinal);
    }

    /// <summary>The shipped templates, as a starting point for users who want to edit them.</summary>
    public static IEnumerable<(string Name, string Text)> Defaults()
    {
        var assembly = typeof(LiquidMessageRenderer).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (resource[(resource.IndexOf(".Templates.", StringComparison.Ordinal) + ".Templates.".Length)..], reader.ReadToEnd());
        }
    }

    private static Hash Captures(Template message, Hash model, string name)
    {
        Render(message, model, name);
        var parts = new Hash();
        foreach (var key in new[] { "subject", "intro", "closing" })
        {
            parts[key] = message.InstanceAssigns.TryGetValue(key, out var value) ? value?.ToString()?.Trim() ?? "" : "";
        }

        return parts;
    }

    private static string Render(Template template, Hash model, string name)
    {
        // A value the document does not have (an optional Extra key) renders empty; any other error fails the message.
        var output = template.Render(new RenderParameters(CultureInfo.InvariantCulture) { LocalVariables = model, ErrorsOutputMode = ErrorsOutputMode.Suppress });
        var error = template.Errors.FirstOrDefault(e => e is not DotLiquid.Exceptions.VariableNotFoundException);
        return error is not null
            ? throw new ReceivablesException($"Template {name} failed: {error.Message}", error)
            : output;
    }

    private async Task<Template> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Templates).GetBlobClient(name);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (cache.TryGetValue("blob:" + name, out var cached) && cached.ETag == properties.Value.ETag)
            {
                return cached.Template;
            }

            var content = await blob.DownloadContentAsync(cancellationToken);
            var parsed = Parse(content.Value.Content.ToString(), $"{StorageNames.Containers.Templates}/{name}");
            cache["blob:" + name] = (properties.Value.ETag, parsed);
            logger.LogInformation("Using the uploaded template {Template}", name);
            return parsed;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return cache.GetOrAdd("embedded:" + name, _ => (null, Parse(Embedded(name), "embedded " + name))).Template;
        }
    }

    private static Template Parse(string source, string where)
    {
        try
        {
            return Template.Parse(source);
        }
        catch (DotLiquid.Exceptions.SyntaxException e)
        {
            throw new ReceivablesException($"Template {where} does not parse: {e.Message}", e);
        }
    }

    private static string Embedded(string name)
    {
        var assembly = typeof(LiquidMessageRenderer).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".Templates." + name, StringComparison.Ordinal))
            ?? throw new ReceivablesException($"No template '{name}': upload it to the '{StorageNames.Containers.Templates}' container or use a shipped template name.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    /// <summary>Collapses the blank lines Liquid tags leave behind.</summary>
    private static string Normalize(string text)
    {
        var result = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join("\r\n", result).Trim() + "\r\n";
    }
}

/// <summary>How a letter in <c>nb</c> or <c>en</c> writes amounts (48 500,00 / 48,500.00) and dates (16.09.2026 / 16 September 2026).</summary>
public static class LetterFormat
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(string language) => language == "en" ? English : Norwegian;

    public static string Money(decimal amount, string language) => amount.ToString("N2", Culture(language));

    /// <summary>An amount with its currency as a letter writes it: "1 250,00 kr" (nb, NOK), "1,250.00 NOK" (en).</summary>
    public static string Amount(decimal amount, string currency, string language) =>
        Money(amount, language) + " " + (language != "en" && currency == "NOK" ? "kr" : currency);

    public static string Date(DateOnly date, string language) =>
        date.ToString(language == "en" ? "d MMMM yyyy" : "dd.MM.yyyy", Culture(language));
}

/// <summary>What templates see: the document's values formatted for the language (snake_case names).</summary>
public static class MessageModel
{
    public static Hash Create(ReminderDocument d, string language, bool encode)
    {
        string? E(string? value) => value is null ? null : encode ? WebUtility.HtmlEncode(value) : value;
        string Money(decimal amount) => LetterFormat.Money(amount, language);
        string Date(DateOnly date) => LetterFormat.Date(date, language);
        var extra = new Hash();
        foreach (var (key, value) in d.Extra ?? new Dictionary<string, string>())
        {
            extra[key] = E(value);
        }

        return Hash.FromDictionary(new Dictionary<string, object?>
        {
            ["language"] = language,
            ["creditor_name"] = E(d.CreditorName),
            ["creditor_org_number"] = E(d.CreditorOrgNumber),
            ["creditor_email"] = E(d.CreditorEmail),
            ["creditor_phone"] = E(d.CreditorPhone),
            ["creditor_bank_account"] = E(FormatAccount(d.CreditorBankAccount)),
            ["creditor_address"] = E(d.CreditorAddress),
            ["debtor_name"] = E(d.DebtorName),
            ["debtor_is_business"] = d.DebtorIsBusiness,

            // Businesses are "dere", consumers "du" (and their forms), so every template addresses them consistently.
            // (Liquid names are not case-sensitive here: start a sentence with {{ du | capitalize }}.)
            ["du"] = d.DebtorIsBusiness ? "dere" : "du",
            ["deg"] = d.DebtorIsBusiness ? "dere" : "deg",
            ["din"] = d.DebtorIsBusiness ? "deres" : "din",
            ["ditt"] = d.DebtorIsBusiness ? "deres" : "ditt",
            ["dine"] = d.DebtorIsBusiness ? "deres" : "dine",
            ["reply_address"] = E(d.ReplyAddress),
            ["currency"] = E(d.Currency),
            ["currency_label"] = E(language != "en" && d.Currency == "NOK" ? "kr" : d.Currency),
            ["invoices"] = d.Invoices.Select(i => Hash.FromDictionary(new Dictionary<string, object?>
            {
                ["number"] = E(i.InvoiceNumber),
                ["invoice_date"] = Date(i.InvoiceDate),
                ["due_date"] = Date(i.DueDate),
                ["amount"] = Money(i.Amount),
                ["open"] = Money(i.OpenAmount),
                ["kid"] = E(i.Kid),
                ["days_overdue"] = i.DaysOverdue,
                ["is_credit"] = i.OpenAmount < 0m,
            })).ToList(),
            ["charges"] = d.Charges.Select(c => Hash.FromDictionary(new Dictionary<string, object?>
            {
                ["description"] = E(c.Description),
                ["amount"] = Money(c.Amount),
                ["basis"] = E(c.Basis),
            })).ToList(),
            ["principal"] = Money(d.Principal),
            ["charges_total"] = Money(d.Charges.Sum(c => c.Amount)),
            ["total"] = Money(d.Total),
            ["has_total"] = d.Invoices.Count > 0,
            ["issue_date"] = Date(d.IssueDate),
            ["deadline"] = d.Deadline is { } deadline ? Date(deadline) : null,
            ["kid"] = E(d.Kid),
            ["extra"] = extra,
        });
    }

    /// <summary>Norwegian account numbers print as 1234.56.78903.</summary>
    public static string? FormatAccount(string? account) =>
        account is { Length: 11 } a && a.All(char.IsAsciiDigit) ? $"{a[..4]}.{a[4..6]}.{a[6..]}" : account;
}
