using System.CommandLine;
using System.Globalization;
using Receivables.Common;
using Receivables.DebtorPage;
using Receivables.Dunning;

namespace Receivables.Local.Commands;

/// <summary><c>links issue|list|revoke</c>: links to debtors' pages.</summary>
internal static class LinksCommand
{
    public static Command Build()
    {
        var command = new Command("links", "Links to debtors' pages (issued into every letter that asks for money or an answer).");
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id (default: the only configured one)." };
        var debtor = new Argument<string>("debtor") { Description = "The debtor's customer id." };

        var issue = new Command("issue", "Issue a link to a debtor's page (for support: the debtor gets links in letters).") { debtor, creditor };
        issue.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var debtorId = parse.GetValue(debtor)!;
            var found = await host.Get<ICaseActions>().GetAsync(id, debtorId, token)
                ?? throw new ReceivablesException($"Debtor '{debtorId}' of '{id}' has no dunning case: there is no page to link to.");
            var link = await host.Get<DebtorLinks>().IssueAsync(id, debtorId, found.CaseId, "operator", token);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{link.Url}\nlink id {link.TokenId}, valid until {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC"));
            return 0;
        }, ct));

        var list = new Command("list", "List the links issued for a debtor's case.") { debtor, creditor };
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var count = 0;
            await foreach (var link in host.Get<IDebtorLinkStore>().ListAsync(id, parse.GetValue(debtor)!, token))
            {
                count++;
                var state = link.RevokedAt is { } r ? $"revoked {r:yyyy-MM-dd}" : $"valid until {link.ExpiresAt:yyyy-MM-dd}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{link.TokenId}  issued {link.IssuedAt:yyyy-MM-dd HH:mm}  {state}  ({link.Purpose})"));
            }

            Console.WriteLine(count == 0 ? "No links." : $"{count} link(s).");
            return 0;
        }, ct));

        var target = new Argument<string>("target") { Description = "A link id (from 'links list'), or a debtor id with --all." };
        var all = new Option<bool>("--all") { Description = "Revoke every link of the debtor's case." };
        var revoke = new Command("revoke", "Revoke a link (or all of a debtor's): it then gets the same answer as a wrong link.") { target, all, creditor };
        revoke.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var links = host.Get<DebtorLinks>();
            if (parse.GetValue(all))
            {
                var id = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
                var count = await links.RevokeCaseAsync(id, parse.GetValue(target)!, token);
                Console.WriteLine($"{count} link(s) revoked.");
                return 0;
            }

            if (!await links.RevokeAsync(parse.GetValue(target)!, token))
            {
                throw new ReceivablesException($"No link with id '{parse.GetValue(target)}' (see 'links list <debtor>').");
            }

            Console.WriteLine("Revoked.");
            return 0;
        }, ct));

        command.Subcommands.Add(issue);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }
}
