using System.CommandLine;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>render-samples --out &lt;dir&gt;</c>: every message template in both languages, rendered from a sample document to
/// <c>.eml</c> files a person can open in a mail program (uploaded overrides in the templates container are used).
/// </summary>
internal static class RenderSamplesCommand
{
    public static IReadOnlyList<string> Templates => SampleLetters.Templates;

    public static IReadOnlyList<string> Languages => SampleLetters.Languages;

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
            var page = host.Get<IOptions<Receivables.DebtorPage.DebtorPageOptions>>().Value;
            var files = await RenderAsync(host.Get<CaseMessenger>(), creditorId, creditorOptions, clock.Today, clock.Now, parse.GetValue(output)!, token, page.Enabled ? page.BaseUrl : null);
            foreach (var file in files)
            {
                Console.WriteLine(file);
            }

            Console.WriteLine($"{files.Count} sample message(s) written.");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Renders all templates in both languages and writes <c>{template}.{language}.eml</c>; returns the paths.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(CaseMessenger messenger, string creditorId, CreditorOptions creditor, DateOnly today, DateTimeOffset now, string folder, CancellationToken cancellationToken, string? pageLinkBase = null)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var template in Templates)
        {
            foreach (var language in Languages)
            {
                var document = SampleDocument(template, language, creditorId, creditor, today, pageLinkBase);
                var email = await messenger.ComposeAsync(new CaseMessage(document, $"sample/{creditorId}/{template}/{language}", Actors.System), cancellationToken);
                var path = Path.Combine(folder, $"{template}.{language}.eml");
                await File.WriteAllBytesAsync(path, MimeMessages.ToBytes(MimeMessages.Build(email, now)), cancellationToken);
                files.Add(Path.GetFullPath(path));
            }
        }

        return files;
    }

    /// <summary>Where the samples' page link points when no debtor page is configured.</summary>
    public const string SamplePageLinkBase = SampleLetters.SamplePageLinkBase;

    public static ReminderDocument SampleDocument(string template, string language, string creditorId, CreditorOptions creditor, DateOnly today, string? pageLinkBase = null) =>
        SampleLetters.Document(template, language, creditorId, creditor, today, pageLinkBase: pageLinkBase);
}
