using System.Text;
using Azure.Storage.Blobs.Models;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Ledger;

/// <summary>Uploads ledger files the way a user does and runs what Event Grid and the queue trigger do.</summary>
internal static class LedgerKit
{
    public const string Header = "customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid";

    public static string Canonical(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static Task<LedgerUploadOutcome> DropAsync(LocalHost host, string name, string content, DateTimeOffset? takenAt = null) =>
        DropAsync(host, name, Encoding.UTF8.GetBytes(content), takenAt);

    public static async Task<LedgerUploadOutcome> DropAsync(LocalHost host, string name, byte[] content, DateTimeOffset? takenAt = null)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(name);
        var metadata = new Dictionary<string, string>();
        if (takenAt is { } at)
        {
            metadata[AzureLedgerStore.TakenAtMetadata] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        var uploaded = await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata });
        await host.Get<LedgerWatcher>().ScanAsync(CancellationToken.None);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        var outcome = await host.Get<ILedgerStore>().GetOutcomeAsync(name, uploaded.Value.ETag.ToString(), CancellationToken.None);
        outcome.ShouldNotBeNull($"the upload {name} was not handled");
        return outcome;
    }

    public static async Task<string> ReportAsync(LocalHost host, LedgerUploadOutcome outcome)
    {
        outcome.ReportBlob.ShouldNotBeNull();
        var content = await host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(outcome.ReportBlob).DownloadContentAsync();
        return content.Value.Content.ToString();
    }

    public static async Task<List<DebtorLedger>> DebtorsAsync(LocalHost host, string creditor = TestSettings.Creditor)
    {
        var list = new List<DebtorLedger>();
        await foreach (var debtor in host.Get<ILedgerReader>().ReadDebtorsAsync(creditor))
        {
            list.Add(debtor);
        }

        return list;
    }

    public static async Task<List<LedgerChange>> ChangesAsync(LocalHost host, string snapshotId, string creditor = TestSettings.Creditor)
    {
        var list = new List<LedgerChange>();
        await foreach (var change in host.Get<ILedgerReader>().ReadChangesAsync(creditor, snapshotId))
        {
            list.Add(change);
        }

        return list;
    }

    public static async Task<List<string>> SnapshotBlobsAsync(LocalHost host)
    {
        var names = new List<string>();
        await foreach (var blob in host.Get<StorageClients>().Container(StorageNames.Containers.Snapshots).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public static string SampleFile(string name) => Path.Combine(RepoFiles.Root, "samples", "ledger", name);
}
