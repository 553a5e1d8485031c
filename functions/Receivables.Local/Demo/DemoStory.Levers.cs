using Receivables.Actions;
using Receivables.Contact;
using Receivables.Evidence;

namespace Receivables.Local.Demo;

/// <summary>The levers beyond reminders in the demo: a person calls and records what the debtor said.</summary>
internal sealed partial class DemoStory
{
    private static readonly DateOnly NordlysCalled = DemoScenario.Start.AddDays(1);      // Tue 6 Oct
    private static readonly DateOnly NordlysPromises = new(2026, 10, 16);
    private static readonly DateOnly NordlysPays = new(2026, 11, 23);
    private static readonly DateOnly KariCalled = new(2026, 11, 4);
    private static readonly DateOnly KariHandedOver = new(2026, 11, 19);
    private static readonly DateOnly FjordFiskResolved = new(2026, 10, 12);
    private static readonly DateOnly NordlysFollowedUp = new(2026, 10, 20); // promise 16 Oct + 3 days' grace, the day after

    private async Task LeversAfternoonAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day == NordlysCalled)
        {
            await CallAsync(day, "K-8008", CallOutcomes.Promise, "Cash tied up in a big event; pays all on 16 Oct.", NordlysPromises, cancellationToken);
        }

        if (day == KariCalled)
        {
            await CallAsync(day, "K-1001", CallOutcomes.NoAnswer, "Rang twice, voicemail.", null, cancellationToken);
        }

        if (day == KariHandedOver)
        {
            await DecideEscalationAsync(day, "K-1001", Escalation.EscalationOutcomes.Collection, "Silent through the ladder and the call; follows the gate.", cancellationToken);
        }

        if (day == FjordFiskResolved)
        {
            await ResolveDisputeAsync(day, "K-4004", Disputes.DisputeOutcomes.Rejected,
                "Leveransen ble kvittert uten anmerkninger ved mottak 14.09, og reklamasjonen kom først 20.09, etter fristen på tre dager i leveringsbetingelsene våre.", cancellationToken);
        }

        if (day == NordlysFollowedUp)
        {
            await foreach (var task in host.Get<ITaskStore>().ListAsync(DemoScenario.Creditor, openOnly: true, cancellationToken, "K-8008"))
            {
                if (task.Kind == TaskKinds.CallDebtor)
                {
                    Narrative.Add($"{day:yyyy-MM-dd} broken promise: Nordlys Catering AS did not pay by 16.10 (+ 3 days' grace); the day after it got a written follow-up naming the promise, and call task {task.TaskId} opened ({task.Title})");
                }
            }
        }

        if (day == NordlysPays)
        {
            Narrative.Add($"{day:yyyy-MM-dd} ledger: Nordlys Catering AS paid F-24019 after the collection notice (its credit hold is lifted)");
        }
    }

    /// <summary>The credit controller resolves the debtor's open dispute; the debtor gets the answer in writing.</summary>
    private async Task ResolveDisputeAsync(DateOnly day, string debtorId, string outcome, string reason, CancellationToken cancellationToken)
    {
        await foreach (var task in host.Get<ITaskStore>().ListAsync(DemoScenario.Creditor, openOnly: true, cancellationToken, debtorId))
        {
            if (task.Kind == TaskKinds.ReviewDispute)
            {
                var (_, effect) = await host.Get<TaskOutcomes>().CompleteAsync(DemoScenario.Creditor, task.TaskId, new TaskOutcome(outcome, reason, null, Actors.Person("credit controller")), cancellationToken);
                await DemoRunner.DrainAsync(host, cancellationToken);
                output.WriteLine($"  {day:yyyy-MM-dd} {task.Title}: {outcome} → {effect}");
                Narrative.Add($"{day:yyyy-MM-dd} dispute: Fjord Fisk AS's dispute ({task.TaskId}) resolved by a person as {outcome} (\"{reason}\") → {effect}");
                return;
            }
        }

        output.WriteLine($"  {day:yyyy-MM-dd} no open dispute task for {debtorId}");
    }

    /// <summary>The credit controller decides the gate's task for the debtor.</summary>
    private async Task DecideEscalationAsync(DateOnly day, string debtorId, string outcome, string note, CancellationToken cancellationToken)
    {
        await foreach (var task in host.Get<ITaskStore>().ListAsync(DemoScenario.Creditor, openOnly: true, cancellationToken))
        {
            if (task.Kind == TaskKinds.DecideEscalation && task.DebtorId == debtorId)
            {
                var (_, effect) = await host.Get<TaskOutcomes>().CompleteAsync(DemoScenario.Creditor, task.TaskId, new TaskOutcome(outcome, note, null, Actors.Person("credit controller")), cancellationToken);
                output.WriteLine($"  {day:yyyy-MM-dd} {task.Title}: {outcome} → {effect}");
                Narrative.Add($"{day:yyyy-MM-dd} escalation: {task.Title} → {outcome}");
                return;
            }
        }
    }

    /// <summary>The credit controller works the open call task for the debtor and records the outcome.</summary>
    private async Task CallAsync(DateOnly day, string debtorId, string outcome, string note, DateOnly? date, CancellationToken cancellationToken)
    {
        WorkTask? call = null;
        await foreach (var task in host.Get<ITaskStore>().ListAsync(DemoScenario.Creditor, openOnly: true, cancellationToken))
        {
            if (task.Kind == TaskKinds.CallDebtor && task.DebtorId == debtorId && task.Title.StartsWith("Call ", StringComparison.Ordinal))
            {
                call = task;
            }
        }

        if (call is null)
        {
            output.WriteLine($"  {day:yyyy-MM-dd} no call task for {debtorId}");
            return;
        }

        var (_, effect) = await host.Get<TaskOutcomes>().CompleteAsync(DemoScenario.Creditor, call.TaskId, new TaskOutcome(outcome, note, date, Actors.Person("credit controller")), cancellationToken);
        await DemoRunner.DrainAsync(host, cancellationToken);
        output.WriteLine($"  {day:yyyy-MM-dd} {call.Title}: {outcome} → {effect}");
        Narrative.Add($"{day:yyyy-MM-dd} call: {call.Title} ({call.TaskId}) → {outcome}: {effect}");
    }
}
