using System.CommandLine;
using Receivables.Status;

namespace Receivables.Local.Commands;

internal static class StatusCommand
{
    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var asOf = new Option<string?>("--as-of") { Description = "Count invoices due before this date (YYYY-MM-DD) as overdue; default: today." };
        var command = new Command("status", "Per creditor: latest ledger snapshot, debtors, open and overdue invoices per currency (and what other features add).");
        command.Options.Add(json);
        command.Options.Add(asOf);
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var report = await host.Get<StatusService>().BuildAsync(Cli.ParseDate(parse.GetValue(asOf), "--as-of"), token);
            if (parse.GetValue(json))
            {
                Console.WriteLine(report.ToJson());
            }
            else
            {
                report.WriteText(Console.Out);
            }

            return 0;
        }, ct));
        return command;
    }
}
