using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Local.Hosting;
using Receivables.Portfolio;
using Receivables.Tests.Infrastructure;
using Receivables.Tests.Ledger;

namespace Receivables.Tests.Portfolio;

/// <summary>
/// The workspace index after an unchanged day: its stages come from the previous index and the cases saved since (the
/// journal each case save keeps in its own transaction), not from a read of every case, and it is the same index a
/// full rebuild gives. Real ledger importer, cycle and Table storage on Azurite.
/// </summary>
public sealed class PortfolioJournalTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>The real case store, counting the reads of every case and of the journal.</summary>
    private sealed class CountingCases(ICaseStore inner) : ICaseStore
    {
        public int FullReads { get; private set; }

        public List<(DateOnly Since, int Rows)> JournalReads { get; } = [];

        public Task<DunningCase?> GetAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) => inner.GetAsync(creditorId, debtorId, cancellationToken);

        public DunningCase New(string creditorId, string debtorId) => inner.New(creditorId, debtorId);

        public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken = default) => inner.SaveAsync(dunningCase, cancellationToken);

        public Task<IReadOnlyList<CaseNotStorableException>> InsertManyAsync(IReadOnlyList<DunningCase> newCases, CancellationToken cancellationToken = default) => inner.InsertManyAsync(newCases, cancellationToken);

        public IAsyncEnumerable<DunningCase> DueAsync(string creditorId, DateOnly asOf, CancellationToken cancellationToken = default) => inner.DueAsync(creditorId, asOf, cancellationToken);

        public IAsyncEnumerable<string> DueDebtorsAsync(string creditorId, int shard, int shards, DateOnly asOf, CancellationToken cancellationToken = default) => inner.DueDebtorsAsync(creditorId, shard, shards, asOf, cancellationToken);

        public Task<bool> TrySaveRunStateAsync(DunningRunState state, string version, CancellationToken cancellationToken = default) => inner.TrySaveRunStateAsync(state, version, cancellationToken);

        public Task<int> SizeAsync(string creditorId, int partitions, CancellationToken cancellationToken = default) => inner.SizeAsync(creditorId, partitions, cancellationToken);

        public IAsyncEnumerable<DueCase> DueCasesAsync(string creditorId, int shard, int shards, DateOnly asOf, CancellationToken cancellationToken = default) => inner.DueCasesAsync(creditorId, shard, shards, asOf, cancellationToken);

        public IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, CancellationToken cancellationToken = default)
        {
            FullReads++;
            return inner.SummariesAsync(creditorId, cancellationToken);
        }

        public IAsyncEnumerable<CaseSummary> SummariesAsync(string creditorId, int shard, int shards, CancellationToken cancellationToken = default) => inner.SummariesAsync(creditorId, shard, shards, cancellationToken);

        public async IAsyncEnumerable<CaseSummary> SavedSinceAsync(string creditorId, DateOnly since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            JournalReads.Add((since, 0));
            await foreach (var summary in inner.SavedSinceAsync(creditorId, since, cancellationToken))
            {
                JournalReads[^1] = (since, JournalReads[^1].Rows + 1);
                yield return summary;
            }
        }

        public Task<(string CreditorId, string DebtorId)?> FindByTokenAsync(string token, CancellationToken cancellationToken = default) => inner.FindByTokenAsync(token, cancellationToken);

        public Task<IReadOnlyList<(string CreditorId, string DebtorId)>> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => inner.FindByEmailAsync(email, cancellationToken);

        public Task<DunningRunState?> GetRunStateAsync(string creditorId, CancellationToken cancellationToken = default) => inner.GetRunStateAsync(creditorId, cancellationToken);

        public Task SaveRunStateAsync(DunningRunState state, CancellationToken cancellationToken = default) => inner.SaveRunStateAsync(state, cancellationToken);
    }

    /// <summary>30 consumers: the first 10 three weeks overdue (due a friendly reminder), the rest not yet due.</summary>
    private static string Ledger() => LedgerKit.Canonical([.. Enumerable.Range(1, 30).Select(i => i <= 10
        ? string.Create(CultureInfo.InvariantCulture, $"K{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-01-10,2026-02-09,NOK,1000.00,1000.00,")
        : string.Create(CultureInfo.InvariantCulture, $"K{i:D4},Kunde {i},kunde{i}@example.no,consumer,,F-{i:D5},2026-02-20,2026-03-20,NOK,500.00,500.00,"))]);

    [Fact]
    public async Task An_unchanged_day_updates_the_workspace_from_the_cases_it_saved_and_shows_a_reply_pause_as_a_full_rebuild_would()
    {
        CountingCases? counting = null;
        var clock = TestHost.ClockAt("2026-03-02T07:00:00Z");
        await using var host = await TestHost.StartHostAsync(services: s =>
        {
            var real = s.Single(d => d.ServiceType == typeof(ICaseStore));
            s.Remove(real);
            s.AddSingleton<ICaseStore>(sp => counting = new CountingCases((ICaseStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        }, time: clock);
        (await LedgerKit.DropAsync(host, "acme/ledger.csv", Ledger(), new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Accepted);
        await host.Get<IDunningCycle>().RunAsync(Monday);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        var monday = (await host.Get<IPortfolioStore>().GetAsync("acme"))!.Index;
        monday.Debtors.Count(d => d.Stage == PortfolioStages.Friendly).ShouldBe(10);

        // Tuesday: a reply disputes K0003's claim; the same export is uploaded again; the day's cycle runs.
        var cases = host.Get<ICaseStore>();
        var disputed = (await cases.GetAsync("acme", "K0003"))!;
        disputed.Pause = PauseReason.Dispute;
        await cases.SaveAsync(disputed);
        clock.Advance(TimeSpan.FromDays(1));
        var fullReadsBefore = counting!.FullReads;
        (await LedgerKit.DropAsync(host, "acme/ledger-tuesday.csv", Ledger(), new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero))).Result.ShouldBe(LedgerUploadResult.Unchanged);
        await host.Get<IDunningCycle>().RunAsync(Monday.AddDays(1));
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        counting.FullReads.ShouldBe(fullReadsBefore, "no rebuild on the unchanged day read every case");
        var afterRun = counting.JournalReads[^1];
        afterRun.Since.ShouldBe(Monday.AddDays(1), "the index was last built at Tuesday's re-upload");
        afterRun.Rows.ShouldBeInRange(1, 29, "after Tuesday's run only the cases saved on Tuesday were read, not all 30: " + string.Join(", ", counting.JournalReads));
        var tuesday = (await host.Get<IPortfolioStore>().GetAsync("acme"))!.Index;
        tuesday.Debtors.Single(d => d.Id == "K0003").Stage.ShouldBe(PortfolioStages.Disputed, "the reply's pause shows in the workspace");

        var full = await host.Get<PortfolioMaintainer>().RebuildAsync("acme", CancellationToken.None, asOf: Monday.AddDays(1));
        counting.FullReads.ShouldBe(fullReadsBefore + 1);
        tuesday.Debtors.ShouldBe(full.Debtors, "the index from the journal is the index a read of every case gives");
        tuesday.Stages.Select(s => (s.Stage, s.Currency, s.Debtors, s.Open)).ShouldBe(full.Stages.Select(s => (s.Stage, s.Currency, s.Debtors, s.Open)));
    }
}
