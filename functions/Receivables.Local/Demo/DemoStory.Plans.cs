using System.Globalization;
using Receivables.Actions;
using Receivables.Evidence;
using Receivables.Plans;

namespace Receivables.Local.Demo;

/// <summary>
/// Bergen Bygg's repayment plan in the demo: its liquidity reply drafts a plan, the credit controller approves it,
/// Bergen Bygg accepts by reply, pays the first two installments on their due dates and misses the third.
/// </summary>
internal sealed partial class DemoStory
{
    /// <summary>The demo creditor's plan policy: fortnightly installments, so a plan shows within the demo's weeks.</summary>
    public static readonly IReadOnlyDictionary<string, string?> PlanSettings = new Dictionary<string, string?>
    {
        ["Receivables:Plans:Frequency"] = "Fortnightly",
        ["Receivables:Plans:FirstPaymentDays"] = "14",
        ["Receivables:Plans:GraceDays"] = "5",
        ["Receivables:Plans:MissTolerance"] = "1",
    };

    private static readonly DateOnly BergenPlanApproved = DemoScenario.Start.AddDays(4);  // Fri 9 Oct
    private static readonly DateOnly BergenAccepts = DemoScenario.Start.AddDays(7);       // Mon 12 Oct
    private static readonly DateOnly BergenSecurityIn = DemoScenario.Start.AddDays(10);   // Thu 15 Oct
    private const int BergenPaysInstallments = 2;

    private async Task PlansAfternoonAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day == BergenPlanApproved && await BergenPlanAsync(cancellationToken) is { ApprovalTaskId: { } taskId } draft)
        {
            var (_, effect) = await host.Get<TaskOutcomes>().CompleteAsync(DemoScenario.Creditor, taskId, new TaskOutcome("approve", "Fortnightly installments; security asked for the size of the claim.", null, Actors.Person("credit controller")), cancellationToken);
            await DemoRunner.DrainAsync(host, cancellationToken);
            var approved = await BergenPlanAsync(cancellationToken) ?? draft;
            output.WriteLine($"  {day:yyyy-MM-dd} plan {draft.PlanId} for Bergen Bygg: approve → {effect}");
            Narrative.Add($"{day:yyyy-MM-dd} plan: the credit controller approves plan {draft.PlanId} ({PlanText.Describe(approved)}) → {effect}");
        }

        if (day == BergenSecurityIn && await BergenPlanAsync(cancellationToken) is { Status: PlanStatus.AwaitingSecurity } waiting)
        {
            // The claim is above the security threshold: "godtar" alone left the plan waiting; a person confirms the guarantee.
            var confirmed = await host.Get<PlanService>().DecideSecurityAsync(DemoScenario.Creditor, waiting.PlanId, PlanAcceptance.SecurityReceived, "selvskyldnerkausjon fra daglig leder og signert avtale mottatt i posten", Actors.Person("credit controller"), cancellationToken);
            await DemoRunner.DrainAsync(host, cancellationToken);
            output.WriteLine($"  {day:yyyy-MM-dd} plan {confirmed.PlanId} for Bergen Bygg: security received → {confirmed.Status}");
            Narrative.Add($"{day:yyyy-MM-dd} plan: Bergen Bygg's plan waited for security since the acceptance; the credit controller confirms the guarantee (kausjon) and signed agreement received → in force");
        }

        if (day == BergenAccepts)
        {
            await ReplyAsync(day, "K-2002", "Bergen Bygg og Anlegg AS", "post@bergenbygg.example.no",
                "Hei,\n\nTusen takk for forslaget. Vi godtar nedbetalingsavtalen og betaler avdragene som foreslått.\n\nMvh\nBergen Bygg og Anlegg AS", cancellationToken);
        }
    }

    /// <summary>Bergen Bygg's ledger lines on <paramref name="day"/>: lowered by the installments it has paid by then.</summary>
    private async Task<List<DemoScenario.Line>> WithPlanPaymentsAsync(List<DemoScenario.Line> lines, DateOnly day, CancellationToken cancellationToken)
    {
        if (await BergenPlanAsync(cancellationToken) is not { AcceptedAt: not null } plan)
        {
            return lines;
        }

        var paid = plan.Installments.Take(BergenPaysInstallments).Where(i => i.DueDate <= day).ToList();
        var amount = paid.Sum(i => i.Amount);
        foreach (var installment in paid.Where(i => i.DueDate == day))
        {
            Narrative.Add(string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} ledger: Bergen Bygg pays installment {installment.Number} of its plan ({installment.Amount:0.00} NOK)"));
        }

        // Payments settle the oldest invoice first, as the creditor's accounting would post them.
        var result = new List<DemoScenario.Line>();
        foreach (var line in lines)
        {
            if (line.DebtorId != "K-2002" || amount <= 0m)
            {
                result.Add(line);
                continue;
            }

            var applied = Math.Min(amount, line.Open);
            amount -= applied;
            if (line.Open - applied > 0m)
            {
                result.Add(line with { Open = line.Open - applied });
            }
        }

        return result;
    }

    private async Task<RepaymentPlan?> BergenPlanAsync(CancellationToken cancellationToken)
    {
        RepaymentPlan? found = null;
        await foreach (var plan in host.Get<IPlanStore>().ListAsync(DemoScenario.Creditor, "K-2002", cancellationToken))
        {
            found = plan;
        }

        return found;
    }
}
