using System.CommandLine;
using System.Globalization;
using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Local.Hosting;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.Local.Commands;

/// <summary><c>reply &lt;file.eml&gt;</c> feeds a reply through the webhook's path; <c>replies accuracy</c> measures the rules.</summary>
internal static class RepliesCommands
{
    public static Command Reply()
    {
        var file = new Argument<FileInfo>("file") { Description = "An .eml file (the debtor's reply, full MIME)." };
        var command = new Command("reply", "Feed a reply (.eml) through the same path as SendGrid Inbound Parse: store, match, triage, act, archive.");
        command.Arguments.Add(file);
        command.Options.Add(Cli.Verbose);
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"Reply file '{path.FullName}' does not exist.");
            }

            var payload = await File.ReadAllBytesAsync(path.FullName, token);
            InboundEmail parsed;
            try
            {
                parsed = InboundParser.ParseMime(payload);
            }
            catch (FormatException e)
            {
                throw new ReceivablesException($"{path.FullName}: not a MIME message ({e.Message}).");
            }

            var stored = await host.Get<ReplyIntake>().AcceptAsync("message/rfc822", payload, parsed, token);
            await host.Get<QueueConsumers>().DrainAllAsync(token);
            var row = (await host.Get<StorageClients>().Table(StorageNames.Tables.Replies).GetEntityAsync<TableEntity>("reply", stored.ReplyId, cancellationToken: token)).Value;
            Console.WriteLine($"reply {stored.ReplyId} from {InboundParser.Address(parsed.From)}: {row.GetString("State")}");
            Console.WriteLine($"  class:      {row.GetString("Class") ?? "-"} ({row.GetDouble("Confidence")?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-"})");
            Console.WriteLine($"  matched by: {row.GetString("MatchedBy") ?? "-"}  case: {row.GetString("CaseId") ?? "-"}");
            Console.WriteLine($"  action:     {row.GetString("Action") ?? "task for a person (unmatched)"}");
            if (row.GetString("Flags") is { Length: > 0 } flags)
            {
                Console.WriteLine($"  flags:      {flags}");
            }

            return 0;
        }, ct));
        return command;
    }

    public static Command Replies()
    {
        var set = new Option<FileInfo>("--set") { Description = "Labelled replies (JSON lines). Default: samples/replies/labelled.jsonl in the repository." };
        var emails = new Option<DirectoryInfo>("--eml") { Description = "A folder of .eml files instead, each labelled by its X-Label header (X-Expected-Date optional); headers such as Auto-Submitted and multipart/report count." };
        var missesOnly = new Option<bool>("--quiet") { Description = "Leave out the list of misclassified replies." };
        var accuracy = new Command("accuracy", "Print the rule classifier's precision and recall per class, the confusion matrix, date accuracy and the misclassified replies.");
        accuracy.Options.Add(set);
        accuracy.Options.Add(emails);
        accuracy.Options.Add(missesOnly);
        accuracy.SetAction((parse, _) =>
        {
            try
            {
                string source;
                IReadOnlyList<LabelledReply> replies;
                if (parse.GetValue(emails) is { } folder)
                {
                    source = folder.FullName;
                    replies = EmlSet.Read(folder.FullName);
                }
                else
                {
                    source = parse.GetValue(set)?.FullName ?? FindDefaultSet();
                    replies = LabelledSet.Read(source);
                }

                AccuracyReport.Print(source, LabelledSet.Evaluate(replies), !parse.GetValue(missesOnly), Console.Out);
                return Task.FromResult(0);
            }
            catch (Exception e) when (Cli.UserError(e) is { } message)
            {
                Console.Error.WriteLine("error: " + message);
                return Task.FromResult(1);
            }
        });
        var command = new Command("replies", "Reply triage tools.");
        command.Subcommands.Add(accuracy);
        return command;
    }

    private static string FindDefaultSet()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "replies", "labelled.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ReceivablesException("No labelled set found: run from the repository or pass --set <file.jsonl>.");
    }
}
