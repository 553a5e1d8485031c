using System.CommandLine;
using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Ledger.Storage;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Commands;

internal static class ImportCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A ledger file: canonical or Norwegian-profile CSV, or SAF-T Financial XML." };
        var creditor = new Option<string?>("--creditor") { Description = "The configured creditor the file belongs to (default: the only one configured)." };
        var folder = new Option<string?>("--profile") { Description = "Upload into the folder of this CSV profile (e.g. norwegian) instead of detecting it from the header." };
        var takenAt = new Option<string?>("--taken-at") { Description = "When the data was taken (ISO 8601); default: the upload time." };
        var command = new Command("import", "Upload a ledger file to the ledger container as a user would, ingest it, and print the outcome (exit code 1 when rejected).");
        command.Arguments.Add(file);
        command.Options.Add(creditor);
        command.Options.Add(folder);
        command.Options.Add(takenAt);
        command.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new ReceivablesException($"File '{path.FullName}' does not exist.");
            }

            var creditorId = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var profile = parse.GetValue(folder);
            var blobName = profile is null ? $"{creditorId}/{path.Name}" : $"{creditorId}/{profile}/{path.Name}";
            var metadata = new Dictionary<string, string>();
            if (parse.GetValue(takenAt) is { } taken)
            {
                metadata[AzureLedgerStore.TakenAtMetadata] = DateTimeOffset.TryParse(taken, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at.ToString("O", CultureInfo.InvariantCulture)
                    : throw new ReceivablesException($"--taken-at '{taken}' is not an ISO 8601 date and time.");
            }

            var outcome = await UploadAndIngestAsync(host, path.FullName, blobName, metadata, token);
            return Print(host, outcome);
        }, ct));
        return command;
    }

    /// <summary>Uploads like a user would, then runs what Event Grid and the queue trigger do in Azure.</summary>
    public static async Task<LedgerUploadOutcome> UploadAndIngestAsync(LocalHost host, string path, string blobName, IDictionary<string, string> metadata, CancellationToken token)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(blobName);
        var uploaded = await blob.UploadAsync(path, new BlobUploadOptions { Metadata = metadata }, token);
        await host.Get<LedgerWatcher>().ScanAsync(token);
        await host.Get<QueueConsumers>().DrainAllAsync(token);
        return await host.Get<ILedgerStore>().GetOutcomeAsync(blobName, uploaded.Value.ETag.ToString(), token)
            ?? throw new ReceivablesException($"The upload {blobName} was not processed (see the ledger-uploaded poison queue; run with --verbose).");
    }


    private static int Print(LocalHost host, LedgerUploadOutcome outcome)
    {
        Console.WriteLine($"{outcome.Result}: {StorageNames.Containers.Ledger}/{outcome.BlobName} ({outcome.Format ?? "format not recognised"})");
        Console.WriteLine("  " + outcome.Message);
        if (outcome.Result is LedgerUploadResult.Accepted or LedgerUploadResult.Unchanged)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rows read: {outcome.Rows}, debtors: {outcome.Debtors}, open items: {outcome.Invoices}, debtors changed: {outcome.DebtorsChanged}"));
            foreach (var (kind, count) in outcome.Changes ?? new Dictionary<LedgerChangeKind, int>())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind}: {count}"));
            }

            foreach (var problem in outcome.FirstProblems ?? [])
            {
                Console.WriteLine("  " + problem);
            }

            return 0;
        }

        if (outcome.ReportBlob is { } report)
        {
            var text = host.Get<StorageClients>().Container(StorageNames.Containers.Ledger).GetBlobClient(report).DownloadContent().Value.Content.ToString();
            Console.WriteLine();
            Console.WriteLine(text.TrimEnd());
        }

        return 1;
    }
}
