using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Plans;

namespace Receivables.Local.Commands;

/// <summary><c>plans schedule</c>: draw up a repayment plan under the configured policy and print it; the workflow commands are in <see cref="PlansLifecycleCommands"/>.</summary>
internal static class PlansCommand
{
    public static Command Build()
    {
        var command = new Command("plans", "Repayment plans (avdragsordninger).");
        var principal = new Argument<decimal>("principal") { Description = "The open principal of the claim." };
        var fees = new Option<decimal>("--fees") { Description = "Reminder fees on the claim." };
        var interest = new Option<decimal>("--interest") { Description = "Late-payment interest accrued." };
        var down = new Option<decimal>("--down-payment") { Description = "Down payment due first." };
        var installment = new Option<decimal?>("--installment") { Description = "The installment the debtor proposes (raised when too small)." };
        var frequency = new Option<PlanFrequency?>("--frequency") { Description = "Weekly, Fortnightly or Monthly (default: Receivables:Plans:Frequency)." };
        var start = new Option<DateOnly?>("--start") { Description = "Start date yyyy-MM-dd (default: today)." };
        var currency = new Option<string>("--currency") { Description = "Currency of the claim.", DefaultValueFactory = _ => "NOK" };
        var schedule = new Command("schedule", "Print the plan the configured policy gives for a claim: installments, interest, settlement offer, security.")
        {
            principal, fees, interest, down, installment, frequency, start, currency,
        };
        schedule.SetAction((parse, ct) => Cli.WithHost(parse, (host, _) =>
        {
            var today = DateOnly.FromDateTime(host.Get<TimeProvider>().GetUtcNow().UtcDateTime);
            var input = new PlanInput(
                parse.GetValue(principal), parse.GetValue(fees), parse.GetValue(interest), parse.GetValue(currency)!,
                parse.GetValue(start) ?? today, parse.GetValue(down), parse.GetValue(installment), parse.GetValue(frequency));
            var plan = PlanSchedule.Build(input, host.Get<IOptions<PlanPolicy>>().Value);
            Print(plan);
            return Task.FromResult(0);
        }, ct));
        command.Subcommands.Add(schedule);
        PlansLifecycleCommands.AddTo(command);
        return command;
    }

    private static void Print(PlanSchedule plan)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Claim {plan.ClaimTotal:0.00} {plan.Currency}; scheduled {plan.ScheduledPrincipal:0.00}; {plan.Frequency} installments of {plan.InstallmentPrincipal:0} {plan.Currency}"));
        if (plan.FeesWaivedIfKept > 0m)
        {
            Console.WriteLine(string.Create(c, $"Fees of {plan.FeesWaivedIfKept:0.00} {plan.Currency} are waived if the plan is kept."));
        }

        if (plan.InstallmentRaisedToMinimum)
        {
            Console.WriteLine("The proposed installment was raised to the minimum installment.");
        }

        if (plan.InstallmentRaisedToFitDuration)
        {
            Console.WriteLine("The proposed installment was raised so that the plan ends within the maximum duration.");
        }

        foreach (var line in plan.ToLines())
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(string.Create(c, $"Total to pay {plan.TotalToPay:0.00} {plan.Currency} (interest {plan.TotalInterest:0.00}), last payment {plan.LastDueDate:yyyy-MM-dd}"));
        if (plan.Settlement is { } offer)
        {
            Console.WriteLine(string.Create(c, $"Or settle in full with {offer.Amount:0.00} {plan.Currency} ({offer.Percent:0.##} %) by {offer.PayBy:yyyy-MM-dd}."));
        }

        if (plan.RequiresSecurity)
        {
            Console.WriteLine("Above the security threshold: ask for security and a signed debt confirmation (gjeldsbekreftelse).");
        }
    }
}
