using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Receivables.Local.Commands;

internal static class ServeCommand
{
    public static Command Build()
    {
        var command = new Command("serve", "Run the app on this machine: queue consumers, ledger watcher, timer (DunningSchedule) and the inbound-email endpoint on 127.0.0.1.");
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            Console.WriteLine($"Serving. Data in {host.DataPath}. Ctrl+C to stop.");
            await host.App.WaitForShutdownAsync(token);
            return 0;
        }, ct, serve: true));
        return command;
    }
}
