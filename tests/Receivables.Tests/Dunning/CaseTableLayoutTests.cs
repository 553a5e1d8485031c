using Azure.Data.Tables;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>
/// A creditor's case table is laid out for its size the first time: a small creditor's day reads one partition, a large
/// creditor's writes are spread over up to 16 (Azure Table storage serves about 2,000 entities per second per
/// partition). A layout never changes once written, and cases stored before layouts keep their 16 partitions.
/// Real Table storage on Azurite.
/// </summary>
public sealed class CaseTableLayoutTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static DunningCase Case(ICaseStore store, string creditorId, string debtorId)
    {
        var c = store.New(creditorId, debtorId);
        c.DebtorName = "Kunde " + debtorId;
        c.Stage = "friendly";
        c.NextAction = Monday;
        c.Invoices["F-1"] = new InvoiceProgress { InvoiceNumber = "F-1", Level = 1 };
        return c;
    }

    private static async Task<HashSet<string>> PartitionsAsync(LocalHost host, string creditorId) =>
        [.. (await host.Get<StorageClients>().Table(StorageNames.Tables.CasesOf(creditorId)).QueryAsync<TableEntity>(select: ["PartitionKey"]).ToListAsync()).Select(r => r.PartitionKey)];

    private static async Task<List<string>> DueAsync(ICaseStore store, string creditorId, int shard, int shards) =>
        [.. (await store.DueCasesAsync(creditorId, shard, shards, Monday).ToListAsync()).Select(d => d.DebtorId)];

    [Theory]
    [InlineData(4_000, 1)]
    [InlineData(10_000, 1)]
    [InlineData(10_001, 2)]
    [InlineData(35_000, 4)]
    [InlineData(1_000_000, 16)]
    public void A_creditor_gets_a_partition_per_ten_thousand_debtors_at_most_sixteen(int debtors, int partitions) =>
        DebtorShards.PartitionsFor(debtors, 10_000).ShouldBe(partitions);

    [Fact]
    public async Task A_small_creditors_cases_share_one_partition_a_larger_ones_are_spread_and_every_shard_finds_its_own()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        (await store.SizeAsync("liten", 1)).ShouldBe(1);
        (await store.SizeAsync("stor", 4)).ShouldBe(4);
        var ids = Enumerable.Range(1, 200).Select(i => "K" + i).ToList();
        await store.InsertManyAsync([.. ids.Select(d => Case(store, "liten", d))]);
        await store.InsertManyAsync([.. ids.Take(100).Select(d => Case(store, "stor", d))]);
        foreach (var d in ids.Skip(100))
        {
            await store.SaveAsync(Case(store, "stor", d));
        }

        (await PartitionsAsync(host, "liten")).ShouldBe(["liten|0"]);
        (await PartitionsAsync(host, "stor")).Order().ShouldBe(["stor|0", "stor|4", "stor|8", "stor|c"]);
        foreach (var creditor in new[] { "liten", "stor" })
        {
            foreach (var shards in new[] { 1, 2, 8, 32 })
            {
                var found = new List<string>();
                for (var shard = 0; shard < shards; shard++)
                {
                    var due = await DueAsync(store, creditor, shard, shards);
                    due.ShouldAllBe(d => DebtorShards.ShardOf(d, shards) == shard, $"{creditor}: shard {shard} of {shards} works only its own debtors");
                    found.AddRange(due);
                }

                found.Order().ShouldBe(ids.Order(), $"{creditor}: the {shards} shard(s) together find every due case once");
            }

            (await store.GetAsync(creditor, "K137")).ShouldNotBeNull().DebtorName.ShouldBe("Kunde K137");
        }
    }

    [Fact]
    public async Task A_layout_is_kept_once_written_and_a_table_from_before_layouts_keeps_its_sixteen_partitions()
    {
        var account = await TestHost.NewAccountAsync();
        await using (var first = await TestHost.StartHostAsync(connectionString: account))
        {
            var store = first.Get<ICaseStore>();
            (await store.SizeAsync("acme", 2)).ShouldBe(2);
            (await store.SizeAsync("acme", 16)).ShouldBe(2, "a creditor that grew keeps its layout: changing it would mean moving every case");

            // Cases saved before layouts existed: no layout row, the cases in the 16 buckets.
            await store.SaveAsync(Case(store, "gammel", "K1"));
            await store.SaveAsync(Case(store, "gammel", "K2"));
            await first.Get<StorageClients>().Table(StorageNames.Tables.CaseIndex).DeleteEntityAsync("~layout", "gammel");
        }

        await using var second = await TestHost.StartHostAsync(connectionString: account);
        var cases = second.Get<ICaseStore>();
        (await cases.SizeAsync("acme", 1)).ShouldBe(2, "another host reads the layout written by the first");
        (await cases.GetAsync("gammel", "K2")).ShouldNotBeNull("a case from before layouts is found where it is");
        (await cases.SizeAsync("gammel", 1)).ShouldBe(16, "a table with cases from before layouts keeps 16 partitions");
        (await DueAsync(cases, "gammel", 0, 1)).Order().ShouldBe(["K1", "K2"]);
    }
}
