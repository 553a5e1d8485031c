using System.Text;
using Receivables.Evidence;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Evidence;

public sealed class EvidenceArchiveTests
{
    [Fact]
    public async Task A_case_full_history_is_archived_in_order_and_verifies()
    {
        await using var host = await TestHost.StartHostAsync();
        var reader = host.Get<IEvidenceReader>();

        var receipts = await CaseHistory.ArchiveAsync(host);

        receipts.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, CaseHistory.Items().Count).Select(i => (long)i));
        receipts.ShouldAllBe(r => !r.AlreadyArchived);
        var entries = await reader.ReadCaseAsync(CaseHistory.CaseRef);
        entries.Select(e => e.Entry.IdempotencyKey).ShouldBe(CaseHistory.Items().Select(i => i.IdempotencyKey));
        entries[0].Entry.PreviousEntrySha256.ShouldBeNull();
        entries.Skip(1).Select(e => e.Entry.PreviousEntrySha256).ShouldBe(entries.SkipLast(1).Select(e => e.EntrySha256));
        var reply = CaseHistory.Items().Single(i => i.Kind == EvidenceKinds.InboundReply);
        (await reader.ReadItemAsync(entries.Single(e => e.Entry.Kind == EvidenceKinds.InboundReply).Entry.ItemPath)).ShouldBe(reply.Content.ToArray());
        var report = await reader.VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.ShouldBeEmpty();
        report.Entries.ShouldBe(entries.Count);
    }

    [Fact]
    public async Task Items_are_kept_five_years_after_the_end_of_the_financial_year_by_default()
    {
        await using var host = await TestHost.StartHostAsync(time: TestHost.ClockAt("2026-03-02T07:00:00Z"));

        await CaseHistory.ArchiveAsync(host);

        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef);
        entries.ShouldAllBe(e => e.Entry.RetainUntil == new DateOnly(2031, 12, 31));
    }

    [Fact]
    public async Task Retention_follows_configuration()
    {
        await using var host = await TestHost.StartHostAsync(
            new Dictionary<string, string?> { ["Receivables:Evidence:RetentionYears"] = "10" },
            time: TestHost.ClockAt("2026-03-02T07:00:00Z"));

        var receipt = await host.Get<IEvidenceArchive>().AppendAsync(CaseHistory.Items()[0]);

        (await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef))[0].Entry.RetainUntil.ShouldBe(new DateOnly(2036, 12, 31));
        receipt.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_append_archives_nothing_and_returns_the_first_receipt()
    {
        await using var host = await TestHost.StartHostAsync();
        var archive = host.Get<IEvidenceArchive>();
        var reader = host.Get<IEvidenceReader>();
        var first = await CaseHistory.ArchiveAsync(host);

        var items = CaseHistory.Items();
        var retried = await archive.AppendAsync(items[2]);
        // A retry that rendered the message again (other bytes, same key) is still the same item.
        var rerendered = await archive.AppendAsync(items[2] with { Content = Encoding.UTF8.GetBytes("rendered again") });

        retried.ShouldBe(first[2] with { AlreadyArchived = true });
        rerendered.ShouldBe(first[2] with { AlreadyArchived = true });
        (await reader.ReadCaseAsync(CaseHistory.CaseRef)).Count.ShouldBe(items.Count);
        (await reader.CountAsync(TestSettings.Creditor)).Items.ShouldBe(items.Count);
        (await reader.VerifyCaseAsync(CaseHistory.CaseRef)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changing_one_byte_of_an_item_fails_verification_naming_the_item()
    {
        await using var host = await TestHost.StartHostAsync();
        var receipts = await CaseHistory.ArchiveAsync(host);
        var altered = receipts[5].ItemPath;

        await CaseHistory.TamperAsync(host, altered, CaseHistory.FlipOneByte);

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Ok.ShouldBeFalse();
        report.Problems.ShouldHaveSingleItem().Path.ShouldBe(altered);
        report.Problems[0].Message.ShouldContain("was altered");
        report.Problems[0].Message.ShouldContain("entry 6");
    }

    [Fact]
    public async Task Changing_one_byte_of_an_entry_fails_verification_naming_the_entry()
    {
        await using var host = await TestHost.StartHostAsync();
        await CaseHistory.ArchiveAsync(host);
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef);
        var middle = entries[3].EntryPath;
        var last = entries[^1].EntryPath;

        // A title changed by one letter: still valid JSON, so only the hashes tell.
        await CaseHistory.TamperAsync(host, middle, b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("SendGrid request", "SendGrid requesT", StringComparison.Ordinal)));
        await CaseHistory.TamperAsync(host, last, b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("6250.00", "6250.01", StringComparison.Ordinal)));

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.Count.ShouldBe(2);
        report.Problems[0].Message.ShouldContain("entry 4 was altered");
        report.Problems[1].Path.ShouldBe(last);
        report.Problems[1].Message.ShouldContain("differs from the head record");
    }

    [Fact]
    public async Task Deleting_an_item_fails_verification_naming_the_item()
    {
        await using var host = await TestHost.StartHostAsync();
        var receipts = await CaseHistory.ArchiveAsync(host);

        await CaseHistory.DeleteBlobAsync(host, receipts[2].ItemPath);

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.ShouldHaveSingleItem().Path.ShouldBe(receipts[2].ItemPath);
        report.Problems[0].Message.ShouldContain("is missing: it was removed");
    }

    [Fact]
    public async Task Deleting_an_entry_fails_verification_naming_the_gap_and_the_orphaned_item()
    {
        await using var host = await TestHost.StartHostAsync();
        var receipts = await CaseHistory.ArchiveAsync(host);
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef);

        await CaseHistory.DeleteBlobAsync(host, entries[4].EntryPath);

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.Select(p => p.Path).ShouldBe([entries[4].EntryPath, receipts[4].ItemPath]);
        report.Problems[0].Message.ShouldContain("entry 5");
        report.Problems[0].Message.ShouldContain("removed");
    }

    [Fact]
    public async Task Removing_the_last_entry_and_its_item_is_caught_by_the_head_record()
    {
        await using var host = await TestHost.StartHostAsync();
        var receipts = await CaseHistory.ArchiveAsync(host);
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef);

        await CaseHistory.DeleteBlobAsync(host, entries[^1].EntryPath);
        await CaseHistory.DeleteBlobAsync(host, receipts[^1].ItemPath);

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.ShouldHaveSingleItem().Message.ShouldContain($"entries {entries.Count}..{entries.Count} were removed");
    }

    [Fact]
    public async Task Swapping_two_entries_fails_verification_naming_both()
    {
        await using var host = await TestHost.StartHostAsync();
        await CaseHistory.ArchiveAsync(host);
        var entries = await host.Get<IEvidenceReader>().ReadCaseAsync(CaseHistory.CaseRef);
        var (a, b) = (entries[2].EntryPath, entries[3].EntryPath);
        var (bytesA, bytesB) = (await CaseHistory.ReadBlobAsync(host, a), await CaseHistory.ReadBlobAsync(host, b));

        await CaseHistory.WriteBlobAsync(host, a, bytesB);
        await CaseHistory.WriteBlobAsync(host, b, bytesA);

        var report = await host.Get<IEvidenceReader>().VerifyCaseAsync(CaseHistory.CaseRef);
        report.Ok.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Path == a && p.Message.Contains("says it is entry 4: entries were reordered"));
        report.Problems.ShouldContain(p => p.Path == b && p.Message.Contains("says it is entry 3: entries were reordered"));
    }

    [Fact]
    public async Task Concurrent_appends_from_two_hosts_keep_one_valid_chain()
    {
        var account = await TestHost.NewAccountAsync();
        await using var first = await TestHost.StartHostAsync(connectionString: account);
        await using var second = await TestHost.StartHostAsync(connectionString: account);
        var hosts = new[] { first.Get<IEvidenceArchive>(), second.Get<IEvidenceArchive>() };
        var readers = new[] { first.Get<IEvidenceReader>(), second.Get<IEvidenceReader>() };
        var template = CaseHistory.Items()[1];

        // 24 distinct items, and each of them also appended by the other host at the same time (a redelivery).
        var appends = Enumerable.Range(0, 24).SelectMany(i =>
        {
            var item = template with { IdempotencyKey = $"decision:{i}", Title = $"Decision {i}", Content = Encoding.UTF8.GetBytes($"decision {i}") };
            return new[] { Task.Run(() => hosts[i % 2].AppendAsync(item)), Task.Run(() => hosts[(i + 1) % 2].AppendAsync(item)) };
        }).ToList();
        var receipts = await Task.WhenAll(appends);

        var entries = await readers[0].ReadCaseAsync(CaseHistory.CaseRef);
        entries.Count.ShouldBe(24);
        entries.Select(e => e.Entry.Sequence).ShouldBe(Enumerable.Range(1, 24).Select(i => (long)i));
        entries.Select(e => e.Entry.IdempotencyKey).Distinct().Count().ShouldBe(24);
        receipts.Count(r => !r.AlreadyArchived).ShouldBe(24);
        receipts.GroupBy(r => r.ItemPath).ShouldAllBe(g => g.Select(r => r.Sequence).Distinct().Count() == 1);
        var report = await readers[1].VerifyCaseAsync(CaseHistory.CaseRef);
        report.Problems.ShouldBeEmpty();
        report.Notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cases_and_counts_are_listed_per_creditor_and_debtor()
    {
        await using var host = await TestHost.StartHostAsync();
        var archive = host.Get<IEvidenceArchive>();
        var reader = host.Get<IEvidenceReader>();
        await CaseHistory.ArchiveAsync(host);
        await archive.AppendAsync(CaseHistory.Items()[0] with { CaseId = "C-2026-0002" });
        await archive.AppendAsync(CaseHistory.Items()[0] with { DebtorId = "20077", CaseId = "C-2026-0003" });

        var all = await reader.CountAsync(TestSettings.Creditor);
        var one = await reader.CountAsync(TestSettings.Creditor, CaseHistory.Debtor);

        all.Cases.ShouldBe(3);
        all.Items.ShouldBe(CaseHistory.Items().Count + 2);
        one.Cases.ShouldBe(2);
        one.ItemsByKind[EvidenceKinds.OutboundEmail].ShouldBe(2);
        (await reader.ListCasesAsync(TestSettings.Creditor, CaseHistory.Debtor)).Select(c => c.CaseId).ShouldBe(["C-2026-0001", "C-2026-0002"]);
    }

    [Fact]
    public async Task An_id_that_cannot_name_a_folder_is_rejected_naming_it()
    {
        await using var host = await TestHost.StartHostAsync();

        var error = await Should.ThrowAsync<Common.ReceivablesException>(() => host.Get<IEvidenceArchive>().AppendAsync(CaseHistory.Items()[0] with { CaseId = "a/b" }));

        error.Message.ShouldContain("case id 'a/b'");
        (await host.Get<IEvidenceReader>().CountAsync(TestSettings.Creditor)).Items.ShouldBe(0);
    }
}
