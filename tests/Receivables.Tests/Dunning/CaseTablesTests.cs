using Azure.Data.Tables;
using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>
/// Each creditor's cases live in the creditor's own table (its scans, retirement and load stay its own), the reply
/// lookups in one shared table; cases stored before that, in the one <c>Cases</c> table, are moved on first use.
/// Real Table storage on Azurite.
/// </summary>
public sealed class CaseTablesTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static DunningCase Case(ICaseStore store, string creditorId, string debtorId, string email)
    {
        var c = store.New(creditorId, debtorId);
        c.DebtorName = "Kunde " + debtorId;
        c.DebtorEmail = email;
        c.Stage = "friendly";
        c.NextAction = Monday;
        c.Invoices["F-1"] = new InvoiceProgress { InvoiceNumber = "F-1", Level = 1 };
        return c;
    }

    private static async Task<List<TableEntity>> RowsAsync(LocalHost host, string table)
    {
        var client = host.Get<StorageClients>().Table(table);
        await client.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Each_creditors_cases_are_in_its_own_table_and_a_reply_still_finds_its_case()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        await store.SaveAsync(Case(store, "acme", "K1", "ola@example.no"));
        await store.InsertManyAsync([Case(store, "nordlys", "K1", "kari@example.no"), Case(store, "nordlys", "K2", "per@example.no")]);

        var acme = await RowsAsync(host, StorageNames.Tables.CasesOf("acme"));
        var nordlys = await RowsAsync(host, StorageNames.Tables.CasesOf("nordlys"));
        StorageNames.Tables.CasesOf("acme").ShouldNotBe(StorageNames.Tables.CasesOf("nordlys"));
        acme.ShouldAllBe(r => r.PartitionKey.StartsWith("acme|"), "acme's table holds only acme's case and its due row");
        acme.Count.ShouldBe(3, "the case, its due row and its journal row");
        nordlys.ShouldAllBe(r => r.PartitionKey.StartsWith("nordlys|"));
        nordlys.Count.ShouldBe(6);

        var token = (await store.GetAsync("nordlys", "K2"))!.ReplyToken;
        (await store.FindByTokenAsync(token)).ShouldBe(("nordlys", "K2"));
        (await store.FindByEmailAsync("OLA@example.no")).ShouldBe([("acme", "K1")]);
        var due = new List<string>();
        await foreach (var debtorId in store.DueDebtorsAsync("nordlys", 0, 1, Monday))
        {
            due.Add(debtorId);
        }

        due.Order().ToList().ShouldBe(["K1", "K2"], "the due index reads only the creditor's own table");
    }

    [Fact]
    public async Task Cases_stored_in_the_old_single_table_are_moved_on_first_use_and_nothing_is_lost()
    {
        var account = await TestHost.NewAccountAsync();
        string token;
        await using (var before = await TestHost.StartHostAsync(connectionString: account))
        {
            // Stored as this version stores them, then put back where the version before kept every row: one Cases table.
            var store = before.Get<ICaseStore>();
            var c = Case(store, "acme", "K1/7", "ola@example.no");
            token = c.ReplyToken;
            await store.SaveAsync(c);
            var tables = before.Get<StorageClients>();
            var legacy = tables.Table(StorageNames.Tables.LegacyCases);
            await legacy.CreateIfNotExistsAsync();
            foreach (var name in new[] { StorageNames.Tables.CasesOf("acme"), StorageNames.Tables.CaseIndex })
            {
                foreach (var row in await RowsAsync(before, name))
                {
                    row.Remove("odata.etag");
                    await legacy.AddEntityAsync(row);
                }

                await tables.Table(name).DeleteAsync();
            }

            (await RowsAsync(before, StorageNames.Tables.LegacyCases)).Count.ShouldBe(6, "case, due row, journal row, token and email lookups and the case table's layout in the old table");
        }

        await using var after = await TestHost.StartHostAsync(connectionString: account);
        var cases = after.Get<ICaseStore>();
        var moved = await cases.GetAsync("acme", "K1/7");
        moved.ShouldNotBeNull();
        moved.Stage.ShouldBe("friendly");
        moved.NextAction.ShouldBe(Monday);
        moved.Invoices["F-1"].Level.ShouldBe(1);
        (await cases.FindByTokenAsync(token)).ShouldBe(("acme", "K1/7"));
        (await cases.FindByEmailAsync("ola@example.no")).ShouldBe([("acme", "K1/7")]);
        var due = new List<string>();
        await foreach (var debtorId in cases.DueDebtorsAsync("acme", 0, 1, Monday))
        {
            due.Add(debtorId);
        }

        due.ShouldBe(["K1/7"]);
        (await RowsAsync(after, StorageNames.Tables.LegacyCases)).ShouldBeEmpty("every row was moved out of the old table");

        moved.Stage = "purring";
        await cases.SaveAsync(moved);
        (await cases.GetAsync("acme", "K1/7"))!.Stage.ShouldBe("purring", "the moved case is saved as any other");
    }
}
