using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Email;

/// <summary>
/// Renders messages with Liquid templates (Fluid). Each message template (<c>{template}.{language}.liquid</c>)
/// captures <c>subject</c>, <c>intro</c> and <c>closing</c>; the language's layouts (<c>layout.{language}.html.liquid</c>,
/// <c>layout.{language}.txt.liquid</c>) print the invoices, charges, totals, payment details and contact. A file of the
/// same name uploaded to the <c>templates</c> container replaces the shipped default, without recompiling.
/// Templates only format: every amount and date comes computed in the <see cref="ReminderDocument"/>. The HTML part is
/// rendered with an HTML encoder, so every value a template prints is encoded by the engine (letters such as æøå stay
/// as they are, and the no-break space that groups Norwegian thousands is written as the character, as before); the captured parts, already encoded when captured, are printed into the layout as they are.
/// </summary>
public sealed class LiquidMessageRenderer(ITemplateStore uploads, ILogger<LiquidMessageRenderer> logger) : IMessageRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture };
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string[] Parts = ["subject", "intro", "closing"];
    private readonly ConcurrentDictionary<string, (string? Version, IFluidTemplate Template)> cache = new(StringComparer.Ordinal);

    public async Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        var language = document.Language is "en" ? "en" : "nb";
        var name = $"{document.Template}.{language}.liquid";
        var message = await LoadAsync(name, cancellationToken);
        var html = await LoadAsync($"layout.{language}.html.liquid", cancellationToken);
        var text = await LoadAsync($"layout.{language}.txt.liquid", cancellationToken);

        var model = MessageModel.Create(document, language);
        var textParts = await CapturesAsync(message, model, name, NullEncoder.Default);
        var htmlParts = await CapturesAsync(message, model, name, Html);
        if (string.IsNullOrWhiteSpace(textParts["subject"]))
        {
            throw new ReceivablesException($"Template '{name}' sets no subject ({{% capture subject %}}...{{% endcapture %}}).");
        }

        return new RenderedMessage(
            textParts["subject"],
            Normalize(await RenderAsync(text, model, textParts, $"layout.{language}.txt.liquid", NullEncoder.Default)),
            Readable(await RenderAsync(html, model, htmlParts, $"layout.{language}.html.liquid", Html)));
    }

    /// <summary>What a template assigns and captures (for documents built from parts, such as a plan's terms), as text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        var language = document.Language is "en" ? "en" : "nb";
        var name = $"{document.Template}.{language}.liquid";
        var template = await LoadAsync(name, cancellationToken);
        var model = MessageModel.Create(document, language);
        var context = Context(model);
        await RenderAsync(template, context, name, NullEncoder.Default);
        return context.ValueNames.Where(n => !model.ContainsKey(n))
            .ToDictionary(n => n, n => context.GetValue(n).ToStringValue().Trim(), StringComparer.Ordinal);
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

    /// <summary>Renders the message template and returns what it captured, encoded as <paramref name="encoder"/> encodes.</summary>
    private static async Task<Dictionary<string, string>> CapturesAsync(IFluidTemplate message, IReadOnlyDictionary<string, object?> model, string name, TextEncoder encoder)
    {
        var context = Context(model);
        await RenderAsync(message, context, name, encoder);
        return Parts.ToDictionary(p => p, p => context.GetValue(p).ToStringValue().Trim(), StringComparer.Ordinal);
    }

    private static Task<string> RenderAsync(IFluidTemplate layout, IReadOnlyDictionary<string, object?> model, Dictionary<string, string> parts, string name, TextEncoder encoder)
    {
        var context = Context(model);
        foreach (var (key, value) in parts)
        {
            context.SetValue(key, new StringValue(value, false));
        }

        return RenderAsync(layout, context, name, encoder);
    }

    private static async Task<string> RenderAsync(IFluidTemplate template, TemplateContext context, string name, TextEncoder encoder)
    {
        // A value the document does not have (an optional Extra key) renders empty; any other error fails the message.
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            await template.RenderAsync(output, encoder, context);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException or Fluid.ParseException)
        {
            throw new ReceivablesException($"Template {name} failed: {e.Message}", e);
        }

        return output.ToString();
    }

    private static TemplateContext Context(IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return context;
    }

    private async Task<IFluidTemplate> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (await uploads.VersionOfAsync(name, cancellationToken) is not { } version)
        {
            return cache.GetOrAdd("embedded:" + name, _ => (null, Parse(Embedded(name), "embedded " + name))).Template;
        }

        if (cache.TryGetValue("upload:" + name, out var cached) && cached.Version == version)
        {
            return cached.Template;
        }

        if (await uploads.ReadAsync(name, cancellationToken) is not { } uploaded)
        {
            // Deleted in between: the shipped default again.
            return cache.GetOrAdd("embedded:" + name, _ => (null, Parse(Embedded(name), "embedded " + name))).Template;
        }

        var parsed = Parse(uploaded.Text, $"{StorageNames.Containers.Templates}/{name}");
        cache["upload:" + name] = (uploaded.Version, parsed);
        logger.LogInformation("Using the uploaded template {Template}", name);
        return parsed;
    }

    private static IFluidTemplate Parse(string source, string where) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new ReceivablesException($"Template {where} does not parse: {error}");

    private static string Embedded(string name)
    {
        var assembly = typeof(LiquidMessageRenderer).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".Templates." + name, StringComparison.Ordinal))
            ?? throw new ReceivablesException($"No template '{name}': upload it to the '{StorageNames.Containers.Templates}' container or use a shipped template name.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The encoder also writes the no-break space (grouping in Norwegian amounts) and '+' (plus-addressed reply
    /// addresses) as character references, which mean the same in HTML; they are put back as characters so the HTML
    /// part reads like the text part. Markup characters stay encoded.
    /// </summary>
    private static string Readable(string html) =>
        html.Replace("&#xA0;", "\u00A0", StringComparison.Ordinal).Replace("&#x2B;", "+", StringComparison.Ordinal);

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
