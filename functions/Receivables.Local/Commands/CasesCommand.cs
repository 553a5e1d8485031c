using System.CommandLine;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>cases show|hold|release|never-automatic</c>: what a person does to one debtor's case, through the same
/// <see cref="ICaseActions"/> handlers as the workspace (idempotent on <c>--key</c>, archived with the person).
/// </summary>
internal static class CasesCommand
{
    public static Command Build()
    {
        var command = new Command("cases", "One debtor's dunning case: hold or release an invoice, never-automatic.");
        var debtor = new Argument<string>("debtor") { Description = "The debtor (customer) id." };
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id, when more than one is configured." };
        var by = new Option<string>("--by") { Description = "Who decided (recorded as person:<name> in the evidence).", DefaultValueFactory = _ => "operator" };
        var note = new Option<string?>("--note") { Description = "A note for the record." };
        var key = new Option<string?>("--key") { Description = "Idempotency key: the same key twice acts once (default: a new key per run)." };
        var invoice = new Option<string>("--invoice") { Description = "The invoice number.", Required = true };

        var show = new Command("show", "Show a case: stage, pause, held invoices, never-automatic.") { debtor, creditor };
        show.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var view = await RequireAsync(host, await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token), parse.GetValue(debtor)!, token);
            Console.WriteLine($"{view.CaseId}  {view.CreditorId}/{view.DebtorId} {view.DebtorName}  stage {view.Stage}; pause {view.Pause?.ToString() ?? "-"}{(view.PausedUntil is { } until ? $" until {until:yyyy-MM-dd}" : "")}; held [{string.Join(", ", view.HeldInvoices)}]; {(view.NeverAutomatic ? "never-automatic (manual only)" : "automatic")}");
            return 0;
        }, ct));

        var hold = new Command("hold", "Hold one invoice: the ladder leaves it alone until it is released (or the case resumes).") { debtor, invoice, creditor, note, key, by };
        hold.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var (creditorId, debtorId, number) = (await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token), parse.GetValue(debtor)!, parse.GetValue(invoice)!);
            await host.Get<ICaseActions>().PauseAsync(creditorId, debtorId, PauseReason.Manual, null, [number], Actors.Person(parse.GetValue(by)!), parse.GetValue(note) ?? $"Invoice {number} held", Key(parse.GetValue(key)), token);
            Console.WriteLine($"{creditorId}/{debtorId}: invoice {number} held");
            return 0;
        }, ct));

        var release = new Command("release", "Release one held invoice: the next cycle goes on with it from where it stood; other held invoices stay held.") { debtor, invoice, creditor, note, key, by };
        release.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var (creditorId, debtorId, number) = (await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token), parse.GetValue(debtor)!, parse.GetValue(invoice)!);
            await host.Get<ICaseActions>().ReleaseInvoiceAsync(creditorId, debtorId, number, Actors.Person(parse.GetValue(by)!), parse.GetValue(note) ?? $"Invoice {number} released", Key(parse.GetValue(key)), token);
            var view = await RequireAsync(host, creditorId, debtorId, token);
            Console.WriteLine($"{creditorId}/{debtorId}: invoice {number} released; still held [{string.Join(", ", view.HeldInvoices)}]");
            return 0;
        }, ct));

        var undo = new Option<bool>("--undo") { Description = "Make the case automatic again: the ladder goes on from where it stood on the next cycle." };
        var never = new Command("never-automatic", "Send this debtor nothing automatically (no reminders, no automatic escalation): a person follows the case up.") { debtor, creditor, undo, note, key, by };
        never.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var (creditorId, debtorId, on) = (await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token), parse.GetValue(debtor)!, !parse.GetValue(undo));
            await host.Get<ICaseActions>().SetNeverAutomaticAsync(creditorId, debtorId, on, Actors.Person(parse.GetValue(by)!), parse.GetValue(note) ?? (on ? "Never automatic: a person follows the case up" : "Automatic again"), Key(parse.GetValue(key)), token);
            Console.WriteLine($"{creditorId}/{debtorId}: {(on ? "never-automatic (manual only)" : "automatic again")}");
            return 0;
        }, ct));

        command.Subcommands.Add(show);
        command.Subcommands.Add(hold);
        command.Subcommands.Add(release);
        command.Subcommands.Add(never);
        return command;
    }

    private static string Key(string? given) => "cli:" + (given ?? Guid.NewGuid().ToString("N"));

    private static async Task<CaseView> RequireAsync(LocalHost host, string creditorId, string debtorId, CancellationToken cancellationToken) =>
        await host.Get<ICaseActions>().GetAsync(creditorId, debtorId, cancellationToken)
        ?? throw new ReceivablesException($"No dunning case for debtor '{debtorId}' of creditor '{creditorId}' (a case is made by the first cycle after the debtor's invoice is overdue).");

}
