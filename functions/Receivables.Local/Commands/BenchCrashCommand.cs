using System.CommandLine;
using Receivables.Local.Bench;

namespace Receivables.Local.Commands;

/// <summary><c>bench crash --kills N</c>: kill the CLI with <c>kill -9</c> during cycles, then count duplicate and stuck emails.</summary>
internal static class BenchCrashCommand
{
    public static Command Build()
    {
        var kills = new Option<int>("--kills") { Description = "How many runs of `cycle` to kill (kill -9); two in three while emails are being sent.", DefaultValueFactory = _ => 30 };
        var debtors = new Option<int>("--debtors") { Description = "About how many debtors the generated, demo-like ledger has.", DefaultValueFactory = _ => 300 };
        var dates = new Option<int>("--dates") { Description = "Cycle dates, 15 days apart (the kills are spread over them).", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of the ledger and of the kill points.", DefaultValueFactory = _ => 2026 };
        var lookup = new Option<bool>("--activity-lookup") { Description = "Ask the fake SendGrid's Email Activity API before re-sending a message a killed run had tried (Receivables:Email:SendGrid:ActivityLookup); false shows the window without it.", DefaultValueFactory = _ => true };
        var command = new Command("crash", "Kill the CLI (kill -9) at random points of daily cycles, mostly while emails go out to a local fake SendGrid; let it finish and recover; report emails, duplicates and stuck messages.") { kills, debtors, dates, seed, lookup };
        command.SetAction(async (parse, ct) =>
        {
            var bench = new CrashBench(new CrashBenchOptions { Kills = parse.GetValue(kills), Debtors = parse.GetValue(debtors), Dates = parse.GetValue(dates), Seed = parse.GetValue(seed), ActivityLookup = parse.GetValue(lookup) }, Console.Out);
            var result = await bench.RunAsync(ct);
            Console.WriteLine(CrashBench.Describe(result));
            return result.Duplicates == 0 && result.StuckPending == 0 && result.IntentsLeft == 0 ? 0 : 2;
        });
        return command;
    }
}
