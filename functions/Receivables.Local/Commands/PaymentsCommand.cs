using System.CommandLine;
using System.Globalization;
using Receivables.Common;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Storage;

namespace Receivables.Local.Commands;

/// <summary><c>payments import</c>: a bank file (Nets OCR giro, camt.054) uploaded as the bank integration would, then imported.</summary>
internal static class PaymentsCommand
{
    public static Command Build()
    {
        var command = new Command("payments", "Incoming payments from bank files (Nets OCR giro, ISO 20022 camt.054), matched to open invoices the same day.");
        var file = new Argument<FileInfo>("file") { Description = "A Nets OCR giro file or a camt.054 XML notification." };
        var creditor = new Option<string?>("--creditor") { Description = "The configured creditor the file belongs to (default: the only one configured)." };
        var import = new Command("import", "Upload a bank file to the payments container, match its payments and print the outcome (exit code 1 when rejected).") { file, creditor };
        import.SetAction((parse, ct) => Cli.WithHost(parse, async (host, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new ReceivablesException($"File '{path.FullName}' does not exist.");
            }

            var creditorId = await CreditorChoice.ResolveAsync(host, parse.GetValue(creditor), token);
            var outcome = await UploadAndImportAsync(host, path.FullName, $"{creditorId}/{path.Name}", token);
            return Print(outcome);
        }, ct));
        command.Subcommands.Add(import);
        return command;
    }

    /// <summary>Uploads like the bank integration would, then runs what Event Grid and the queue trigger do in Azure.</summary>
    public static async Task<PaymentImportOutcome> UploadAndImportAsync(LocalHost host, string path, string blobName, CancellationToken token)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient(blobName);
        var uploaded = await blob.UploadAsync(path, overwrite: true, token);
        await host.Get<PaymentsWatcher>().ScanAsync(token);
        await host.Get<QueueConsumers>().DrainAllAsync(token);
        return await host.Get<IPaymentStore>().GetOutcomeAsync(blobName, uploaded.Value.ETag.ToString(), token)
            ?? throw new ReceivablesException($"The upload {blobName} was not processed (see the {StorageNames.Queues.PaymentsUploaded} poison queue; run with --verbose).");
    }

    public static int Print(PaymentImportOutcome outcome)
    {
        Console.WriteLine($"{outcome.Result}: {StorageNames.Containers.Payments}/{outcome.BlobName} ({outcome.Format ?? "format not recognised"})");
        Console.WriteLine("  " + outcome.Message);
        if (outcome.Result == PaymentImportResult.Accepted)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  transactions: {outcome.Transactions}, placed: {outcome.Matched} ({outcome.MatchedAmount:0.00}), not placed: {outcome.Unmatched}, counted before: {outcome.Duplicates}, reversals: {outcome.Reversals}, overpaid: {outcome.Overpaid:0.00}, debtors: {outcome.DebtorsAffected}"));
        }

        foreach (var line in outcome.Lines ?? [])
        {
            Console.WriteLine("  " + line);
        }

        return outcome.Result == PaymentImportResult.Rejected ? 1 : 0;
    }
}
