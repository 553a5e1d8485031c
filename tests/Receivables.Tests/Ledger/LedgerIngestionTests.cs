using Receivables.Common;
using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

public sealed class LedgerIngestionTests
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2026-11-23T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_ledger_blob_dropped_in_the_ledger_container_ends_as_stored_invoices()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "acme/ledger-2026-11-23.csv", await File.ReadAllBytesAsync(LedgerKit.SampleFile("canonical-sample.csv")));

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        var reader = host.Get<ILedgerReader>();
        var snapshot = await reader.GetLatestSnapshotAsync(TestSettings.Creditor);
        snapshot.ShouldNotBeNull();
        snapshot.SourceFile.ShouldBe("acme/ledger-2026-11-23.csv");
        snapshot.Debtors.ShouldBe(6);
        snapshot.Invoices.ShouldBe(9, "the paid row (open_amount 0) is not an open item");

        var fjellheim = await reader.GetDebtorAsync(TestSettings.Creditor, "10001");
        fjellheim.ShouldNotBeNull();
        fjellheim.Debtor.Name.ShouldBe("Fjellheim Bygg AS");
        fjellheim.Debtor.Type.ShouldBe(CustomerType.Business);
        fjellheim.Debtor.OrgNumber.ShouldBe("912345688");
        fjellheim.Invoices.Select(i => (i.InvoiceNumber, i.DueDate, i.Amount, i.OpenAmount, i.SourceLine)).ShouldBe(
        [
            ("2026-1041", new DateOnly(2026, 10, 15), 45000m, 45000m, 2),
            ("2026-1102", new DateOnly(2026, 11, 19), 18750m, 12500m, 3),
        ]);

        var debtors = await LedgerKit.DebtorsAsync(host);
        debtors.Select(d => d.Debtor.DebtorId).Order(StringComparer.Ordinal).ShouldBe(["10001", "10002", "10003", "10004", "10005", "10006"]);
        debtors.Single(d => d.Debtor.DebtorId == "10003").Invoices.ShouldContain(i => i.IsCreditNote && i.OpenAmount == -2500m);
        (await reader.GetDebtorAsync(TestSettings.Creditor, "99999")).ShouldBeNull();
    }

    [Fact]
    public async Task A_ledger_larger_than_one_sort_chunk_spills_to_temp_files_even_when_the_temp_path_setting_is_blank()
    {
        // The sample settings ship Receivables__Ledger__TempPath as "", which must mean "the system temp folder".
        await using var host = await TestHost.StartHostAsync(new Dictionary<string, string?>
        {
            ["Receivables:Ledger:SortChunkRows"] = "1000",
            ["Receivables:Ledger:TempPath"] = "",
        });
        var rows = Enumerable.Range(0, 2_500)
            .Select(i => (Debtor: $"D{i % 500:000}", Invoice: $"F-{i:00000}"))
            .Reverse()
            .Select(r => $"{r.Debtor},Kunde {r.Debtor},,consumer,,{r.Invoice},2026-10-01,2026-10-31,NOK,100.00,100.00,")
            .ToArray();

        var outcome = await LedgerKit.DropAsync(host, "acme/big.csv", LedgerKit.Canonical(rows), Monday);

        outcome.Result.ShouldBe(LedgerUploadResult.Accepted, outcome.Message);
        var debtors = await LedgerKit.DebtorsAsync(host);
        debtors.Count.ShouldBe(500);
        var keys = debtors.Select(d => Receivables.Common.DebtorShards.HashKey(d.Debtor.DebtorId) + d.Debtor.DebtorId).ToList();
        keys.ShouldBe(keys.Order(StringComparer.Ordinal).ToList(), "snapshots are sorted by the debtor id's hash, then id, so each shard is one slice");
        debtors.Single(d => d.Debtor.DebtorId == "D007").Invoices.Select(i => i.InvoiceNumber).ShouldBe(["F-00007", "F-00507", "F-01007", "F-01507", "F-02007"]);
    }

    [Fact]
    public async Task The_same_file_uploaded_again_changes_nothing_and_writes_no_new_snapshot()
    {
        await using var host = await TestHost.StartHostAsync();
        var content = await File.ReadAllBytesAsync(LedgerKit.SampleFile("canonical-sample.csv"));
        var first = await LedgerKit.DropAsync(host, "acme/ledger.csv", content);
        var blobsAfterFirst = await LedgerKit.SnapshotBlobsAsync(host);

        var again = await LedgerKit.DropAsync(host, "acme/ledger-copy.csv", content);

        again.Result.ShouldBe(LedgerUploadResult.Unchanged);
        again.SnapshotId.ShouldBe(first.SnapshotId);
        (await LedgerKit.SnapshotBlobsAsync(host)).ShouldBe(blobsAfterFirst);
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SourceFile.ShouldBe("acme/ledger.csv");
    }

    [Fact]
    public async Task A_new_snapshot_records_payments_new_invoices_and_credit_notes_with_their_lines()
    {
        await using var host = await TestHost.StartHostAsync();
        await LedgerKit.DropAsync(host, "acme/monday.csv", LedgerKit.Canonical(
            "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,",
            "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-2,2026-10-05,2026-11-04,NOK,2000.00,2000.00,",
            "D2,Kari Nordmann,kari@example.no,consumer,,F-3,2026-10-10,2026-10-24,NOK,500.00,500.00,",
            "D2,Kari Nordmann,kari@example.no,consumer,,F-4,2026-10-11,2026-10-25,NOK,700.00,700.00,"), Monday);

        var tuesday = await LedgerKit.DropAsync(host, "acme/tuesday.csv", LedgerKit.Canonical(
            "D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,400.00,",
            "D2,Kari Nordmann,kari@example.no,consumer,,F-3,2026-10-10,2026-10-24,NOK,500.00,500.00,",
            "D2,Kari Nordmann,kari@example.no,consumer,,F-4,2026-10-11,2026-10-25,NOK,700.00,0.00,",
            "D2,Kari Nordmann,kari@example.no,consumer,,K-1,2026-11-20,2026-11-20,NOK,-100.00,-100.00,",
            "D3,Ola Hansen,ola@example.no,consumer,,F-5,2026-11-20,2026-12-04,NOK,300.00,300.00,"), Monday.AddDays(1));

        tuesday.Result.ShouldBe(LedgerUploadResult.Accepted, tuesday.Message);
        var changes = await LedgerKit.ChangesAsync(host, tuesday.SnapshotId!);
        changes.Select(c => (c.Kind, c.DebtorId, c.InvoiceNumber, c.PreviousOpen, c.NewOpen, c.SourceLine)).OrderBy(c => c.InvoiceNumber, StringComparer.Ordinal).ShouldBe(
        [
            (LedgerChangeKind.PartiallyPaid, "D1", "F-1", 1000m, 400m, 2),
            (LedgerChangeKind.Paid, "D1", "F-2", 2000m, 0m, 0),
            (LedgerChangeKind.Paid, "D2", "F-4", 700m, 0m, 4),
            (LedgerChangeKind.InvoiceAdded, "D3", "F-5", 0m, 300m, 6),
            (LedgerChangeKind.CreditNoteAdded, "D2", "K-1", 0m, -100m, 5),
        ]);
        changes.ShouldAllBe(c => c.SourceFile == "acme/tuesday.csv" && c.SnapshotId == tuesday.SnapshotId);
        changes.Single(c => c.InvoiceNumber == "F-1").Paid.ShouldBe(600m);
        var kari = await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D2");
        kari!.Invoices.Sum(i => i.OpenAmount).ShouldBe(400m, "the credit note reduces the balance");
    }

    [Fact]
    public async Task An_older_snapshot_arriving_after_a_newer_one_is_refused_and_changes_nothing()
    {
        await using var host = await TestHost.StartHostAsync();
        var newer = await LedgerKit.DropAsync(host, "acme/newer.csv", LedgerKit.Canonical("D1,Fjellheim Bygg AS,,business,,F-1,2026-10-01,2026-10-31,NOK,1000.00,400.00,"), Monday.AddDays(1));

        var older = await LedgerKit.DropAsync(host, "acme/older.csv", LedgerKit.Canonical("D1,Fjellheim Bygg AS,,business,,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,"), Monday);

        older.Result.ShouldBe(LedgerUploadResult.Rejected);
        (await LedgerKit.ReportAsync(host, older)).ShouldContain("older");
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor))!.SnapshotId.ShouldBe(newer.SnapshotId);
        (await host.Get<ILedgerReader>().GetDebtorAsync(TestSettings.Creditor, "D1"))!.Invoices.Single().OpenAmount.ShouldBe(400m);
    }

    [Fact]
    public async Task Observers_are_told_once_per_accepted_snapshot()
    {
        var observer = new RecordingObserver();
        await using var host = await TestHost.StartHostAsync(services: s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<ILedgerObserver>(s, observer));
        var content = LedgerKit.Canonical("D1,Fjellheim Bygg AS,,business,,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,");

        await LedgerKit.DropAsync(host, "acme/a.csv", content);
        await LedgerKit.DropAsync(host, "acme/b.csv", content);
        await LedgerKit.DropAsync(host, "acme/c.csv", content.Replace("1000.00,1000.00", "1000.00,10.00", StringComparison.Ordinal));

        observer.Snapshots.Select(s => s.SourceFile).ShouldBe(["acme/a.csv", "acme/c.csv"]);
    }

    [Fact]
    public async Task A_file_for_a_creditor_that_is_not_configured_is_rejected_with_a_report()
    {
        await using var host = await TestHost.StartHostAsync();

        var outcome = await LedgerKit.DropAsync(host, "globex/ledger.csv", LedgerKit.Canonical("D1,Fjellheim Bygg AS,,business,,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,"));

        outcome.Result.ShouldBe(LedgerUploadResult.Rejected);
        outcome.ReportBlob.ShouldBe("globex/rejected/ledger.csv.errors.txt");
        (await LedgerKit.ReportAsync(host, outcome)).ShouldContain("Receivables:Creditors:globex");
        (await host.Get<ILedgerReader>().GetLatestSnapshotAsync("globex")).ShouldBeNull();
    }

    private sealed class RecordingObserver : ILedgerObserver
    {
        public List<SnapshotInfo> Snapshots { get; } = [];

        public Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken)
        {
            Snapshots.Add(snapshot);
            return Task.CompletedTask;
        }
    }
}
