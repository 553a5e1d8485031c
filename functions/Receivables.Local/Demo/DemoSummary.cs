using Azure.Data.Tables;
using MimeKit;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Demo;

/// <summary>Prints what the demo did: messages per debtor, replies and their effect, cases, tasks, evidence.</summary>
internal sealed partial class DemoSummary(LocalHost host, TextWriter output)
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public async Task PrintAsync(DemoStory story, CancellationToken cancellationToken)
    {
        var creditor = DemoScenario.Creditor;
        var outbox = Path.Combine(host.DataPath, "outbox");
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [])
        {
            messages.Add(await MimeMessage.LoadAsync(file, cancellationToken));
        }

        output.WriteLine();
        output.WriteLine("== Summary");
        output.WriteLine($"Ledger snapshots uploaded: {story.LedgersUploaded}; messages sent: {messages.Count} (as .eml in {outbox})");
        foreach (var debtor in DemoScenario.Opening.GroupBy(l => l.DebtorId))
        {
            var first = debtor.First();
            var mine = messages.Where(m => m.To.Mailboxes.Any(a => a.Address == first.Email)).OrderBy(m => m.Date).ToList();
            var found = await host.Get<ICaseActions>().GetAsync(creditor, first.DebtorId, cancellationToken);
            var state = found is null ? "no case" : found.Stage + (found.Pause is { } p ? $", paused ({p}{(found.PausedUntil is { } u ? " until " + u.ToString("yyyy-MM-dd") : "")})" : "") + (found.HeldInvoices.Count > 0 ? $", held: {string.Join(",", found.HeldInvoices)}" : "");
            output.WriteLine($"- {first.Name} ({first.DebtorId}, {first.Type}): {state}");
            foreach (var message in mine)
            {
                output.WriteLine($"    {TimeZoneInfo.ConvertTime(message.Date, Oslo):yyyy-MM-dd HH:mm}  {message.Subject}");
            }

            if (mine.Count == 0)
            {
                output.WriteLine("    no message");
            }
        }

        output.WriteLine();
        output.WriteLine("Replies:");
        await foreach (var reply in host.Get<StorageClients>().Table(StorageNames.Tables.Replies).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (reply.GetString("Class") is { } kind)
            {
                var channel = reply.GetString("MatchedBy") == "debtor-page" ? " (answered on the debtor page)" : "";
                output.WriteLine($"- {reply.GetString("DebtorId") ?? "?"}: {kind}{channel} → {reply.GetString("Action")}");
            }
        }

        foreach (var line in story.Narrative)
        {
            output.WriteLine("- " + line);
        }

        output.WriteLine();
        output.WriteLine("Tasks for a person:");
        var tasks = 0;
        await foreach (var task in host.Get<ITaskStore>().ListAsync(creditor, openOnly: false, cancellationToken: cancellationToken))
        {
            output.WriteLine($"- {task.TaskId} {task.Kind}: {task.Title} {TaskText.Facts(task)}{(task.IsOpen ? " (open)" : $" (done: {task.Outcome})")}");
            tasks++;
        }

        if (tasks == 0)
        {
            output.WriteLine("- none");
        }

        await PrintPlansAsync(cancellationToken);
        await PrintLeversAsync(cancellationToken);
        PrintPayments(story);

        var reader = host.Get<IEvidenceReader>();
        var held = 0;
        foreach (var found in await reader.ListCasesAsync(creditor, cancellationToken: cancellationToken))
        {
            held += (await reader.ReadCaseAsync(found, cancellationToken)).Count(e => e.Entry.IdempotencyKey.StartsWith("held:", StringComparison.Ordinal));
        }

        output.WriteLine();
        output.WriteLine($"Contact hours (weekdays 08–21, Saturdays 09–15, no Sundays or public holidays): {held} message(s) decided outside them were held and sent when the next window opened.");

        var counts = await reader.CountAsync(creditor, cancellationToken: cancellationToken);
        output.WriteLine();
        output.WriteLine($"Evidence archived: {counts.Items} items in {counts.Cases} cases ({string.Join(", ", counts.ItemsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))})");

        var bundle = Path.Combine(host.DataPath, "evidence-K-1001.zip");
        await using (var file = File.Create(bundle))
        {
            var result = await host.Get<EvidenceExporter>().ExportAsync(creditor, "K-1001", null, file, cancellationToken);
            output.WriteLine($"Exported Kari Nordmann's evidence bundle: {bundle} ({result.Items} items, chain {(result.Reports.All(r => r.Ok) ? "verified OK" : "FAILED")})");
        }

        output.WriteLine($"Open its timeline: unzip -o {bundle} -d {Path.Combine(host.DataPath, "bundle")} && xdg-open {Path.Combine(host.DataPath, "bundle", "timeline.html")}");
        output.WriteLine($"Verify it: ./receivables evidence verify {bundle}");
    }
}
