using System.CommandLine;
using System.Globalization;
using Receivables.Handover;

namespace Receivables.Local.Commands;

/// <summary><c>handover export &lt;debtor&gt; --out &lt;dir&gt;</c>: the file for a collection agency, after an approved hand-over.</summary>
internal static class HandoverCommand
{
    public static Command Build()
    {
        var command = new Command("handover", "Hand a claim over to a collection agency (after 'tasks done <id> --outcome collection').");
        var debtor = new Argument<string>("debtor") { Description = "The debtor (customer) id." };
        var output = new Option<string>("--out") { Description = "Directory for the claim file (JSON) and the evidence bundle (zip).", Required = true };
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id (default: the only configured one)." };
        var export = new Command("export", "Write the claim file (claims, fees and interest to date, reminders) and the evidence bundle.") { debtor, output, creditor };
        export.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var (claimFile, bundleFile, content) = await host.Get<HandoverExporter>().ExportAsync(id, parse.GetValue(debtor)!, parse.GetValue(output)!, token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{content.Debtor.Name}: {content.Claims.Count} claim(s), total {content.Totals.Total:0.00} {content.Currency} (principal {content.Totals.Principal:0.00}, fees {content.Totals.Fees:0.00}, interest {content.Totals.Interest:0.00}, compensation {content.Totals.Compensation:0.00}); {content.Reminders.Count} message(s) sent"));
            Console.WriteLine("Claim file:      " + claimFile);
            Console.WriteLine("Evidence bundle: " + bundleFile);
            return 0;
        }, ct));
        command.Subcommands.Add(export);
        return command;
    }
}
