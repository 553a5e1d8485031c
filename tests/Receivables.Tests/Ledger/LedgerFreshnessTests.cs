using Receivables.Ledger;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

public sealed class LedgerFreshnessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_identical_export_taken_later_confirms_the_ledger_is_current_without_a_new_snapshot()
    {
        await using var host = await TestHost.StartHostAsync();
        var csv = LedgerKit.Canonical("D1,Fjellheim Bygg AS,post@fjellheim.example,business,912345688,F-1,2026-10-01,2026-10-31,NOK,1000.00,1000.00,");
        var first = await LedgerKit.DropAsync(host, "acme/monday.csv", csv, Monday);
        var blobs = await LedgerKit.SnapshotBlobsAsync(host);

        var thursday = await LedgerKit.DropAsync(host, "acme/thursday.csv", csv, Monday.AddDays(3));

        thursday.Result.ShouldBe(LedgerUploadResult.Unchanged);
        var latest = await host.Get<ILedgerReader>().GetLatestSnapshotAsync(TestSettings.Creditor);
        latest!.SnapshotId.ShouldBe(first.SnapshotId);
        latest.TakenAt.ShouldBe(Monday.AddDays(3));
        (await LedgerKit.SnapshotBlobsAsync(host)).ShouldBe(blobs);
    }
}
