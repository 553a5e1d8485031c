using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Evidence;
using Receivables.Local.Hosting;
using Receivables.Plans;

namespace Receivables.Local.Commands;

/// <summary><c>plans list|show|draft|adjust|approve|reject|accept|security</c>: the repayment plan workflow for a person.</summary>
internal static class PlansLifecycleCommands
{
    public static void AddTo(Command plans)
    {
        var all = new Option<bool>("--all") { Description = "Also finished plans (rejected, completed, broken, lapsed)." };
        var list = new Command("list", "List plans awaiting approval, awaiting the debtor's answer, or in force.") { all };
        list.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var any = false;
            await foreach (var plan in host.Get<PlanService>().ListAsync(null, token))
            {
                if (parse.GetValue(all) || plan.IsActive)
                {
                    any = true;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.PlanId}  {plan.CreditorId}/{plan.DebtorId}  {plan.Status,-9} {plan.DebtorName}: {PlanText.Describe(plan)}"));
                }
            }

            if (!any)
            {
                Console.WriteLine("no plans");
            }

            return 0;
        }, ct));

        var id = new Argument<string>("id") { Description = "The plan id (from plans list)." };
        var show = new Command("show", "Show a plan: claim, schedule, status, payments and misses.") { id };
        show.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            Console.WriteLine($"{plan.PlanId}  {plan.CreditorId}/{plan.DebtorId} {plan.DebtorName}  {plan.Status}  (source {plan.Source}, case {plan.CaseId})");
            Console.WriteLine(PlanText.Describe(plan));
            Console.WriteLine(PlanText.ScheduleText(plan, "en"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"covered invoices: {string.Join(", ", plan.CoveredInvoices)}; paid since acceptance {plan.Paid:0.00} of {plan.OpenAtAcceptance:0.00}; installments paid [{string.Join(", ", plan.PaidInstallments)}], missed [{string.Join(", ", plan.Missed)}]"));
            Console.WriteLine($"decided by {plan.DecidedBy ?? "-"}; sent {plan.SentAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"} ({plan.LetterWording ?? "-"} wording); answer by {plan.AnswerBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}; accepted {plan.AcceptedVia ?? "-"}; ended {plan.EndReason ?? "-"}{(plan.RejectReason is null ? "" : "; rejected: " + plan.RejectReason)}");
            return 0;
        }, ct));

        var debtor = new Argument<string>("debtor") { Description = "The debtor (customer) id." };
        var creditor = new Option<string?>("--creditor") { Description = "The creditor id, when more than one is configured." };
        var installment = new Option<decimal?>("--installment") { Description = "Installment the debtor can pay (raised to the policy's minimum or to fit the duration)." };
        var frequency = new Option<PlanFrequency?>("--frequency") { Description = "Weekly, Fortnightly or Monthly (default: Receivables:Plans:Frequency)." };
        var note = new Option<string>("--note") { Description = "Why (recorded with the draft).", DefaultValueFactory = _ => "drafted by a person" };
        var draft = new Command("draft", "Draft a plan for a debtor's open claim; it waits for approval.") { debtor, creditor, installment, frequency, note };
        draft.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var creditorId = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var debtorId = parse.GetValue(debtor)!;
            var service = host.Get<PlanService>();
            var planId = await service.RequestAsync(
                new ArrangementRequest(creditorId, debtorId, null, ArrangementSource.Person, parse.GetValue(note)!, $"person:{creditorId}:{debtorId}:{host.Get<BusinessClock>().Now:O}", parse.GetValue(installment), parse.GetValue(frequency)?.ToString()),
                token);
            var plan = (await service.FindAsync(creditorId, planId, token))!;
            Console.WriteLine($"{plan.PlanId} {plan.Status}: {PlanText.Describe(plan)}");
            return 0;
        }, ct));

        var by = new Option<string>("--by") { Description = "Who decided (recorded as person:<name> in the evidence).", DefaultValueFactory = _ => "operator" };
        var approve = new Command("approve", "Approve a drafted plan: the proposal letter is sent and dunning waits for the answer.") { id, by };
        approve.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            plan = await host.Get<PlanService>().ApproveAsync(plan.CreditorId, plan.PlanId, Actors.Person(parse.GetValue(by)!), token);
            await host.Get<QueueConsumers>().DrainAllAsync(token);
            Console.WriteLine($"{plan.PlanId} {plan.Status}: proposal sent ({plan.LetterWording} wording), answer by {plan.AnswerBy:yyyy-MM-dd}");
            return 0;
        }, ct));

        var adjustInstallment = new Option<decimal?>("--installment") { Description = "The installment (whole units), at least Receivables:Plans:MinInstallment." };
        var count = new Option<int?>("--count") { Description = "The number of installments instead of an amount (the amount follows)." };
        var first = new Option<string?>("--first") { Description = "yyyy-MM-dd: the first due date, at most Receivables:Plans:FirstPaymentDays from today." };
        var adjustKey = new Option<string?>("--key") { Description = "Idempotency key: the same key twice adjusts once (default: a new key per run)." };
        var adjust = new Command("adjust", "Adjust a drafted plan within the plan policy (installment or count, frequency, first due date); the letter is re-rendered, nothing is sent.") { id, adjustInstallment, count, frequency, first, adjustKey, by };
        adjust.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            var change = new PlanAdjustment(parse.GetValue(adjustInstallment), parse.GetValue(count), parse.GetValue(frequency), Cli.ParseDate(parse.GetValue(first), "--first"));
            plan = await host.Get<PlanService>().AdjustAsync(plan.CreditorId, plan.PlanId, change, Actors.Person(parse.GetValue(by)!), "cli:" + (parse.GetValue(adjustKey) ?? Guid.NewGuid().ToString("N")), token);
            Console.WriteLine($"{plan.PlanId} {plan.Status}: {PlanText.Describe(plan)}");
            Console.WriteLine(PlanText.ScheduleText(plan, "en"));
            return 0;
        }, ct));

        var reason = new Option<string>("--reason") { Description = "Why the draft is rejected (required).", Required = true };
        var reject = new Command("reject", "Reject a drafted plan; nothing is sent.") { id, reason, by };
        reject.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            plan = await host.Get<PlanService>().RejectAsync(plan.CreditorId, plan.PlanId, Actors.Person(parse.GetValue(by)!), parse.GetValue(reason)!, token);
            Console.WriteLine($"{plan.PlanId} {plan.Status}: {plan.RejectReason}");
            return 0;
        }, ct));

        var document = new Option<string>("--document") { Description = "The signed agreement (PDF or scan); archived as evidence.", Required = true };
        var accept = new Command("accept", "Record the debtor's signed agreement: the plan comes into force.") { id, document, by };
        accept.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            var path = parse.GetValue(document)!;
            if (!File.Exists(path))
            {
                throw new ReceivablesException($"--document: no file '{path}'.");
            }

            plan = await host.Get<PlanService>().AcceptByDocumentAsync(plan.CreditorId, plan.PlanId, Path.GetFileName(path), await File.ReadAllBytesAsync(path, token), Actors.Person(parse.GetValue(by)!), token);
            await host.Get<QueueConsumers>().DrainAllAsync(token);
            Console.WriteLine($"{plan.PlanId} {plan.Status}: {plan.AcceptedVia}");
            return 0;
        }, ct));

        var received = new Option<bool>("--received") { Description = "The security (kausjon or pant) and the signed agreement are received." };
        var waive = new Option<bool>("--waive") { Description = "Put the plan in force without the security (the reason is recorded)." };
        var securityNote = new Option<string>("--note") { Description = "What was received (\"kausjon fra ...\", \"pant i ...\") or why it is waived.", Required = true };
        var security = new Command("security", "Confirm the security of an accepted plan that awaits it (or waive it): the plan comes into force.") { id, received, waive, securityNote, by };
        security.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            if (parse.GetValue(received) == parse.GetValue(waive))
            {
                throw new ReceivablesException("Give exactly one of --received and --waive.");
            }

            var plan = await FindAsync(host, parse.GetValue(id)!, token);
            plan = await host.Get<PlanService>().DecideSecurityAsync(plan.CreditorId, plan.PlanId, parse.GetValue(received) ? PlanAcceptance.SecurityReceived : PlanAcceptance.SecurityWaived, parse.GetValue(securityNote), Actors.Person(parse.GetValue(by)!), token);
            await host.Get<QueueConsumers>().DrainAllAsync(token);
            Console.WriteLine($"{plan.PlanId} {plan.Status}: security {plan.SecurityOutcome} ({plan.SecurityNote})");
            return 0;
        }, ct));

        plans.Subcommands.Add(list);
        plans.Subcommands.Add(show);
        plans.Subcommands.Add(draft);
        plans.Subcommands.Add(adjust);
        plans.Subcommands.Add(approve);
        plans.Subcommands.Add(reject);
        plans.Subcommands.Add(accept);
        plans.Subcommands.Add(security);
    }

    private static async Task<RepaymentPlan> FindAsync(LocalHost host, string planId, CancellationToken cancellationToken)
    {
        await foreach (var plan in host.Get<PlanService>().ListAsync(null, cancellationToken))
        {
            if (string.Equals(plan.PlanId, planId, StringComparison.OrdinalIgnoreCase))
            {
                return plan;
            }
        }

        throw new ReceivablesException($"No plan '{planId}'. See 'plans list --all'.");
    }

}
