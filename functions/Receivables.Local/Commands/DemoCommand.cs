using System.CommandLine;
using Receivables.Local.Demo;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

internal static class DemoCommand
{
    public static Command Build()
    {
        var command = new Command("demo", "Run the whole flow over eight simulated weeks on a fresh local store (.receivables/demo) and print a summary.");
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await new DemoRunner(Console.Out).RunAsync(Path.Combine(LocalHost.Home, ".receivables", "demo"), ct);
            }
            catch (Exception e) when (Cli.UserError(e) is { } message)
            {
                await Console.Error.WriteLineAsync("error: " + message);
                return 1;
            }
        });
        return command;
    }
}
