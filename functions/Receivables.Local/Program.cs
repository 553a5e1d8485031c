using System.CommandLine;
using Receivables.Local.Commands;

var root = new RootCommand("Receivables: follows up unpaid invoices the way a good credit controller would. Runs the product on this machine against Azurite.");
root.Options.Add(Cli.Verbose);
foreach (var command in Commands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
