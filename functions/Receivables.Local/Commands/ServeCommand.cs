using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Replies;

namespace Receivables.Local.Commands;

internal static class ServeCommand
{
    public static Command Build()
    {
        var command = new Command("serve", "Run the app on this machine: queue consumers, ledger watcher, timer (DunningSchedule) and the inbound-email endpoint on 127.0.0.1.");
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            Console.WriteLine($"Serving. Data in {host.DataPath}. Ctrl+C to stop.");
            var replies = host.Get<IOptions<RepliesOptions>>().Value;
            if (string.IsNullOrEmpty(replies.Secret) && string.IsNullOrEmpty(replies.BasicAuthPassword) && string.IsNullOrWhiteSpace(replies.SignedWebhookPublicKey))
            {
                Console.WriteLine("Inbound email: no Receivables__Replies__Secret, basic auth or signing key is set, so /api/inbound refuses every post (401). "
                    + $"Set a secret of at least {RepliesOptions.MinSecretLength} random characters (openssl rand -hex 32) to receive replies.");
            }

            await host.App.WaitForShutdownAsync(token);
            return 0;
        }, ct, serve: true));
        return command;
    }
}
