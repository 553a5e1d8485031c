using System.CommandLine;
using Receivables.Common;
using Receivables.Creditors;

namespace Receivables.Local.Commands;

/// <summary><c>creditors add/update/retire/list</c>: the creditor registry, changed at run time (the next cycle picks it up).</summary>
internal static class CreditorsCommand
{
    public static Command Build()
    {
        var command = new Command("creditors", "The creditors this deployment works for: app settings plus the registry in storage (add, change and retire without a restart).");
        command.Subcommands.Add(Change("add", "Add a creditor to the registry (validated like Receivables:Creditors settings; nothing is stored when a field is wrong).", (r, id, c, ct) => r.AddAsync(id, c, ct)));
        command.Subcommands.Add(Change("update", "Change fields of an active creditor (a creditor from app settings is copied into the registry with the change).", (r, id, c, ct) => r.UpdateAsync(id, c, ct)));

        var retireId = new Argument<string>("id") { Description = "The creditor id." };
        var retire = new Command("retire", "Retire a creditor: the cycle no longer plans it and its ledger uploads are refused; its data stays.") { retireId };
        retire.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var retired = await host.Get<CreditorRegistry>().RetireAsync(parse.GetValue(retireId)!, token);
            Console.WriteLine($"Retired creditor '{retired.Id}' ({retired.Profile.Name}).");
            return 0;
        }, ct));
        command.Subcommands.Add(retire);

        var list = new Command("list", "List the creditors: id, name, sender, where it is configured, and whether it is retired.");
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var all = await host.Get<CreditorRegistry>().ListAsync(token);
            Console.WriteLine($"{"id",-24} {"name",-32} {"email",-32} {"source",-9} state");
            foreach (var c in all)
            {
                Console.WriteLine($"{c.Id,-24} {c.Profile.Name,-32} {c.Profile.Email,-32} {c.Source,-9} {(c.Retired ? "retired" : "active")}");
            }

            return 0;
        }, ct));
        command.Subcommands.Add(list);
        return command;
    }

    private static Command Change(string name, string description, Func<CreditorRegistry, string, CreditorChange, CancellationToken, Task<RegisteredCreditor>> save)
    {
        var id = new Argument<string>("id") { Description = "The creditor id: lower-case letters, digits and '-' (the ledger container's folder)." };
        Option<string?> Field(string option, string text) => new(option) { Description = text };
        var fields = new[]
        {
            Field("--name", "Company name."),
            Field("--org-number", "Organisation number (9 digits)."),
            Field("--email", "Sender address and base of the reply address."),
            Field("--phone", "Phone printed on reminders."),
            Field("--bank-account", "Account for payment (11 digits)."),
            Field("--address", "Postal address."),
            Field("--language", "nb or en."),
            Field("--currency", "ISO currency, e.g. NOK."),
            Field("--country", "ISO country (NO)."),
            Field("--business-policy", "Dunning policy for business debtors (default b2b)."),
            Field("--consumer-policy", "Dunning policy for consumers (default b2c)."),
        };
        var command = new Command(name, description) { id };
        foreach (var field in fields)
        {
            command.Options.Add(field);
        }

        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            string? V(int i) => parse.GetValue(fields[i]);
            var change = new CreditorChange(V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9), V(10));
            var saved = await save(host.Get<CreditorRegistry>(), parse.GetValue(id)!, change, token);
            Console.WriteLine($"Saved creditor '{saved.Id}' ({saved.Profile.Name}, {saved.Profile.Email}); the next cycle and ledger upload use it.");
            return 0;
        }, ct));
        return command;
    }
}
