using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.SetOff;

namespace Receivables.Local.Commands;

/// <summary><c>setoff propose|list|approve</c>: set-off (motregning) against what the creditor owes the same party.</summary>
internal static class SetOffCommand
{
    public static Command Build()
    {
        var command = new Command("setoff", "Set-off (motregning) of what a debtor owes against what we owe them as a supplier (payables file in ledger/<creditor>/payables/).");
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id (default: the only configured one)." };

        var propose = new Command("propose", "Read the newest payables file now and propose set-offs (the daily cycle does this too).") { creditor };
        propose.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var today = host.Get<BusinessClock>().Today;
            var proposals = await host.Get<SetOffs>().ProposeAsync(id, today, token);
            Console.WriteLine(proposals.Count == 0 ? "No set-off possible (no supplier matches a debtor with an overdue claim by organisation number)." : $"{proposals.Count} proposal(s); see 'setoff list'.");
            return 0;
        }, ct));

        var list = new Command("list", "List set-off proposals with their conditions and drafted declaration.") { creditor };
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var proposals = await host.Get<SetOffs>().ListAsync(id, token);
            foreach (var p in proposals)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.ProposalId}  {p.DebtorId}  {p.Amount:0.00} {p.Currency}  {p.State}  ours: {p.ReceivableInvoices}; theirs: {p.PayableInvoices}  (task {p.TaskId})"));
                foreach (var condition in p.Conditions.Split('\n'))
                {
                    Console.WriteLine("    - " + condition);
                }

                Console.WriteLine("    Draft: " + p.DraftSubject);
                foreach (var line in p.DraftText.Split('\n'))
                {
                    Console.WriteLine("      " + line.TrimEnd('\r'));
                }
            }

            Console.WriteLine(proposals.Count == 0 ? "No set-off proposals." : $"{proposals.Count} proposal(s).");
            return 0;
        }, ct));

        var proposal = new Argument<string>("id") { Description = "The proposal id (from 'setoff list')." };
        var by = new Option<string>("--by") { Description = "Who approves (recorded as person:<name>).", DefaultValueFactory = _ => "operator" };
        var approve = new Command("approve", "Approve a proposal: the declaration is sent to the debtor once and archived.") { proposal, creditor, by };
        approve.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var done = await host.Get<SetOffs>().ApproveAsync(id, parse.GetValue(proposal)!, Evidence.Actors.Person(parse.GetValue(by)!), token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done.ProposalId} {done.State}: set-off of {done.Amount:0.00} {done.Currency} declared to {done.DebtorId}."));
            return 0;
        }, ct));

        command.Subcommands.Add(propose);
        command.Subcommands.Add(list);
        command.Subcommands.Add(approve);
        return command;
    }

}
