using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Local.Hosting;

namespace Receivables.Local.Bench;

/// <summary>
/// Case state and call tasks written directly, as one day's cycle would leave them, so that a bench over many debtors
/// does not wait for a first cycle that creates every case.
/// </summary>
internal static class CaseSeed
{
    /// <summary>Case state of every debtor as after the cycle of <paramref name="day"/>, read from the imported ledger; returns how many.</summary>
    public static async Task<int> CasesAsync(LocalHost host, string creditorId, DateOnly day, CancellationToken cancellationToken)
    {
        var store = host.Get<ICaseStore>();
        var policies = host.Get<DunningPolicies>();
        var reader = host.Get<ILedgerReader>();
        var names = await policies.NamesAsync(creditorId, cancellationToken);

        // Laid out for the creditor's size, as the first cycle's planner does before any case is written.
        var snapshot = await reader.GetLatestSnapshotAsync(creditorId, cancellationToken) ?? throw new InvalidOperationException($"No ledger for '{creditorId}' to seed cases from.");
        await store.SizeAsync(creditorId, Common.DebtorShards.PartitionsFor(snapshot.Debtors, policies.Options.Scale.DebtorsPerPartition), cancellationToken);
        var buffer = new List<DunningCase>(1000);
        var seeded = 0;
        await foreach (var lines in reader.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            var state = store.New(creditorId, lines.Debtor.DebtorId);
            Ladder.Evaluate(state, lines, policies.For(creditorId, lines.Debtor, names), day, policies.Rates, policies.Options.CollectionNotice);
            state.Pending.Clear(); // as if the handler had sent them
            state.LedgerHash = DunningCase.LedgerHashOf(lines);
            buffer.Add(state);
            if (buffer.Count == 1000)
            {
                await store.InsertManyAsync(buffer, cancellationToken);
                seeded += buffer.Count;
                buffer.Clear();
            }
        }

        await store.InsertManyAsync(buffer, cancellationToken);
        seeded += buffer.Count;

        // The debtor index of the tasks as the 2 March cycle would have left it (built once per creditor; a bench
        // without it counts that one-time build in its first run).
        await foreach (var _ in host.Get<ITaskStore>().ListAsync(creditorId, openOnly: false, cancellationToken: cancellationToken, debtorId: "bench-warm-up"))
        {
        }

        await store.SaveRunStateAsync(new DunningRunState(creditorId, snapshot.SnapshotId, day, false, null), cancellationToken);
        return seeded;
    }

    /// <summary>
    /// A call task (through the task store, so the Today index is kept) for every seeded case the cycle would have
    /// opened one for (<see cref="CallTasks"/>): a large claim at the large-claim stage, every case at the always-call
    /// stage; at most <paramref name="max"/>. Returns how many were opened.
    /// </summary>
    public static async Task<int> CallTasksAsync(LocalHost host, string creditorId, DateOnly day, int max, CancellationToken cancellationToken)
    {
        var contact = host.Get<IOptions<ContactOptions>>().Value;
        var cases = host.Get<ICaseStore>();
        var tasks = host.Get<ITaskStore>();
        var due = new List<DebtorLedger>();
        await foreach (var lines in host.Get<ILedgerReader>().ReadDebtorsAsync(creditorId, cancellationToken))
        {
            var amount = lines.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < day).Sum(i => i.OpenAmount);
            if (amount > 0m)
            {
                due.Add(lines);
            }
        }

        var opened = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (lines, ct) =>
        {
            if (Volatile.Read(ref opened) >= max || await cases.GetAsync(creditorId, lines.Debtor.DebtorId, ct) is not { } state)
            {
                return;
            }

            var overdue = lines.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < day).OrderBy(i => i.DueDate).ToList();
            var large = state.Stage == contact.LargeClaimStage && overdue.Sum(i => i.OpenAmount) >= contact.LargeClaimAmount;
            if (!large && state.Stage != contact.AlwaysCallAtStage)
            {
                return;
            }

            if (Interlocked.Increment(ref opened) > max)
            {
                Interlocked.Decrement(ref opened);
                return;
            }

            var step = new DunningStep(creditorId, state.CaseId, state.ReplyToken, lines, state.Stage, null, day, "seeded", null, [], false);
            var why = large ? "large claim (seeded by the bench)" : "last step before escalation (seeded by the bench)";
            await tasks.OpenAsync(creditorId, TaskKinds.CallDebtor, lines.Debtor.DebtorId, state.CaseId, $"Call {lines.Debtor.Name}", CallTasks.Details(lines.Debtor, overdue, step, why),
                $"call|{creditorId}|{lines.Debtor.DebtorId}|{state.Stage}|{overdue[0].InvoiceNumber}", ct);
        });

        return opened;
    }
}
