using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Receivables.Dunning;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

/// <summary><c>cycle [--as-of YYYY-MM-DD] [--creditor id]</c>: run the daily dunning cycle now and send what it decides.</summary>
internal static class CycleCommand
{
    public static Command Build()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Run the cycle as of this date (YYYY-MM-DD); replays are deterministic and never send a message twice. Default: today." };
        var creditor = new Option<string?>("--creditor") { Description = "Only this creditor (default: all configured)." };
        var command = new Command("cycle", "Run the dunning cycle: decide per debtor the next step of the reminder ladder and send the reminders (exactly once).") { asOf, creditor };
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var date = Cli.ParseDate(parse.GetValue(asOf), "--as-of");
            var result = await host.Get<DunningCycle>().RunAsync(date, parse.GetValue(creditor), token);
            Console.WriteLine($"Dunning cycle for {result.AsOf:yyyy-MM-dd}: {result.DebtorsConsidered} debtor(s) considered, {result.RemindersQueued} reminder(s) decided.");
            foreach (var note in result.Notes.Take(50))
            {
                Console.WriteLine("  " + note);
            }

            if (result.Notes.Count > 50)
            {
                Console.WriteLine($"  ... and {result.Notes.Count - 50} more.");
            }

            if (result.Failures.Count > 0)
            {
                // Every other debtor was processed; these got nothing and each has a cycle-error task.
                Console.WriteLine($"{result.Failures.Count} debtor(s) skipped with errors (nothing sent to them; a cycle-error task each, see `status` and `tasks`):");
                foreach (var failure in result.Failures.Take(10))
                {
                    Console.WriteLine("  " + failure.CreditorId + "/" + failure.Summary);
                }
            }

            var handled = await host.Get<QueueConsumers>().DrainAllAsync(token);
            Console.WriteLine($"Processed {handled} queued message(s).");
            if (host.Get<IConfiguration>()["Receivables:Email:OutboxPath"] is { Length: > 0 } outbox && result.RemindersQueued > 0)
            {
                Console.WriteLine($"Sent messages without a SendGrid key are .eml files under {outbox}.");
            }

            return 0;
        }, ct));
        return command;
    }
}
