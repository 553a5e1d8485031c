using System.CommandLine;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Plans;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>render-samples --out &lt;dir&gt;</c>: every message template in both languages, rendered from a sample document to
/// <c>.eml</c> files a person can open in a mail program (uploaded overrides in the templates container are used).
/// </summary>
internal static class RenderSamplesCommand
{
    public static IReadOnlyList<string> Templates => SampleLetters.Templates;

    /// <summary>Each letter is written for a consumer ("du") and a business ("dere").</summary>
    public static readonly IReadOnlyList<bool> Audiences = [false, true];

    public static string Audience(bool business) => business ? "business" : "consumer";

    /// <summary>The letters that charge fees, also written for a business invoiced in US dollars (<c>{template}.{language}.business-usd.eml</c>).</summary>
    public static readonly IReadOnlyList<string> UsdTemplates = [MessageTemplates.Reminder, MessageTemplates.CollectionNotice];

    public static IReadOnlyList<string> Languages => SampleLetters.Languages;

    /// <summary>Where the samples' page link points (a token of the real length that was never issued opens nothing).</summary>
    public const string SamplePageLinkBase = SampleLetters.SamplePageLinkBase;


    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the .eml files to (created if missing).", Required = true };
        var creditor = new Option<string?>("--creditor") { Description = "Creditor whose name, account and phone the samples show (settings or registry); default: the first active one." };
        var command = new Command("render-samples", "Render every message template in nb and en from a sample reminder to .eml files, to look at them.");
        command.Options.Add(output);
        command.Options.Add(creditor);
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var active = await host.Get<ICreditorDirectory>().ActiveAsync(token);
            var creditorId = parse.GetValue(creditor) ?? active.Keys.Order(StringComparer.Ordinal).FirstOrDefault()
                ?? throw new ReceivablesException("No creditor is active: add one with `creditors add` or in Receivables:Creditors.");
            var creditorOptions = active.TryGetValue(creditorId, out var found) ? found.Profile
                : throw new ReceivablesException($"--creditor '{creditorId}' is not an active creditor (active: {string.Join(", ", active.Keys.Order(StringComparer.Ordinal))}).");

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
                var document = SampleLetters.Document(template, language, creditorId, creditor, today, business);
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
                    var debtor = new Receivables.Ledger.Debtor(creditorId, document.DebtorId, document.DebtorName, document.DebtorEmail, business ? CustomerType.Business : CustomerType.Consumer, business ? "987654321" : null, language);
                    var agreement = Path.Combine(folder, $"plan-agreement.{language}.{Audience(business)}.pdf");
                    await File.WriteAllBytesAsync(agreement, PlanAgreementPdf.Render(SampleLetters.SamplePlan(creditorId, today, business), words, language, creditor, debtor), cancellationToken);
                    files.Add(Path.GetFullPath(agreement));
                }
            }
        }

        foreach (var template in UsdTemplates)
        {
            foreach (var language in Languages)
            {
                // The invoices in USD; the fee and the compensation stay NOK amounts with their own total.
                var document = SampleLetters.Document(template, language, creditorId, creditor, today, business: true, currency: "USD");
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
}
