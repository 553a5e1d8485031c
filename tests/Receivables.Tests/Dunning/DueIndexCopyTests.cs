using Azure.Data.Tables;
using Receivables.Dunning;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

/// <summary>
/// The daily cycle works a due case from the due index alone: each due-index row carries a copy of its case, written in
/// the case's own transaction. What a credit controller relies on: the copy is the case as stored, a reply or an action
/// saved meanwhile is never overwritten by the cycle, and a case too large to copy (or indexed by the version before)
/// is still worked. Real Table storage on Azurite.
/// </summary>
public sealed class DueIndexCopyTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static DunningCase Case(ICaseStore store, string debtorId, int invoices = 1)
    {
        var c = store.New("acme", debtorId);
        c.DebtorName = "Kunde " + debtorId;
        c.DebtorEmail = debtorId.ToLowerInvariant() + "@example.no";
        c.Stage = "friendly";
        c.NextAction = Monday;
        for (var i = 1; i <= invoices; i++)
        {
            c.Invoices["F-" + i] = new InvoiceProgress { InvoiceNumber = "F-" + i, Level = 1, LastSent = Monday.AddDays(-14), OpenAtLastMessage = 1000m + i };
        }

        return c;
    }

    private static async Task<List<DueCase>> DueAsync(ICaseStore store) => await store.DueCasesAsync("acme", 0, 1, Monday).ToListAsync();

    [Fact]
    public async Task A_due_case_comes_with_the_due_index_as_stored_and_is_saved_from_it()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        await store.SaveAsync(Case(store, "K1"));
        await store.InsertManyAsync([Case(store, "K2", invoices: 3)]);

        var due = await DueAsync(store);
        due.Select(d => d.DebtorId).Order().ShouldBe(["K1", "K2"]);
        var k2 = due.Single(d => d.DebtorId == "K2").Case.ShouldNotBeNull("a small case is carried by its due row");
        k2.Invoices.Count.ShouldBe(3);
        k2.Invoices["F-3"].OpenAtLastMessage.ShouldBe(1003m);
        k2.DebtorEmail.ShouldBe("k2@example.no");
        k2.ReplyToken.ShouldBe((await store.GetAsync("acme", "K2"))!.ReplyToken);

        k2.Stage = "purring";
        k2.NextAction = Monday.AddDays(14);
        await store.SaveAsync(k2);
        var stored = (await store.GetAsync("acme", "K2"))!;
        stored.Stage.ShouldBe("purring");
        stored.NextAction.ShouldBe(Monday.AddDays(14));
        (await DueAsync(store)).Select(d => d.DebtorId).ShouldBe(["K1"], "K2's due row moved to its next action");

        k2.Stage = "inkassovarsel";
        await store.SaveAsync(k2);
        (await store.GetAsync("acme", "K2"))!.Stage.ShouldBe("inkassovarsel", "once saved, the case saves on its own version");
    }

    [Fact]
    public async Task A_reply_saved_after_the_due_index_was_read_is_not_overwritten_by_the_cycle()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        await store.InsertManyAsync([Case(store, "K1"), Case(store, "K2")]);
        var due = await DueAsync(store);

        // Between the cycle's read and its save, the debtors reply: K1 disputes (same next action), K2 promises to pay
        // in a week (its due row moves).
        var k1 = (await store.GetAsync("acme", "K1"))!;
        k1.Pause = PauseReason.Dispute;
        await store.SaveAsync(k1);
        var k2 = (await store.GetAsync("acme", "K2"))!;
        k2.Pause = PauseReason.PromiseToPay;
        k2.NextAction = Monday.AddDays(7);
        await store.SaveAsync(k2);

        foreach (var item in due)
        {
            var read = item.Case.ShouldNotBeNull();
            read.Stage = "purring";
            await Should.ThrowAsync<CaseConflictException>(() => store.SaveAsync(read), $"{item.DebtorId} changed after the due index was read");
        }

        (await store.GetAsync("acme", "K1"))!.Pause.ShouldBe(PauseReason.Dispute);
        (await store.GetAsync("acme", "K1"))!.Stage.ShouldBe("friendly");
        (await store.GetAsync("acme", "K2"))!.Pause.ShouldBe(PauseReason.PromiseToPay);
    }

    [Fact]
    public async Task The_cycle_saving_first_makes_the_replys_save_conflict_instead()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        await store.InsertManyAsync([Case(store, "K1")]);
        var reply = (await store.GetAsync("acme", "K1"))!;
        var cycle = (await DueAsync(store)).Single().Case.ShouldNotBeNull();

        cycle.Stage = "purring";
        await store.SaveAsync(cycle);
        reply.Pause = PauseReason.Dispute;
        await Should.ThrowAsync<CaseConflictException>(() => store.SaveAsync(reply));
        (await store.GetAsync("acme", "K1"))!.Stage.ShouldBe("purring");
    }

    [Fact]
    public async Task A_case_too_large_to_copy_or_indexed_by_the_version_before_is_read_and_still_due()
    {
        await using var host = await TestHost.StartHostAsync();
        var store = host.Get<ICaseStore>();
        await store.InsertManyAsync([Case(store, "K1", invoices: 400), Case(store, "K2")]);

        // K2's due row as the version before wrote it: the debtor id only.
        var table = host.Get<StorageClients>().Table(StorageNames.Tables.CasesOf("acme"));
        var row = (await DueRowsAsync(table)).Single(r => r.GetString("DebtorId") == "K2");
        await table.UpsertEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["DebtorId"] = "K2" }, TableUpdateMode.Replace);

        var due = await DueAsync(store);
        due.Select(d => d.DebtorId).Order().ShouldBe(["K1", "K2"]);
        due.ShouldAllBe(d => d.Case == null, "neither row carries its case");
        var worked = await store.DueAsync("acme", Monday).ToListAsync();

        worked.Single(c => c.DebtorId == "K1").Invoices.Count.ShouldBe(400);
        var k2 = worked.Single(c => c.DebtorId == "K2");
        k2.Stage = "purring";
        await store.SaveAsync(k2);
        (await DueAsync(store)).Single(d => d.DebtorId == "K2").Case.ShouldNotBeNull("saved once, its due row carries it again").Stage.ShouldBe("purring");
    }

    private static async Task<List<TableEntity>> DueRowsAsync(TableClient table) =>
        await table.QueryAsync<TableEntity>(r => r.RowKey.CompareTo("d") >= 0 && r.RowKey.CompareTo("e") < 0).ToListAsync();
}
