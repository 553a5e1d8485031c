using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Receivables.Local.Hosting;
using Receivables.Payments;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Receivables.Tests.Payments.Hostile;

/// <summary>
/// Every bank file of <see cref="HostilePaymentCorpus"/> through the real payment importer on Azurite (upload, watcher,
/// queue), one after the other on one creditor with a ledger, dunning cases and an earlier bank file: each rejected file
/// is refused with a report naming its record (OCR line or XML line) and field and leaves the payments, the applied
/// payments (ledger adjustments), the cases, tasks and evidence exactly as before; each accepted file's outcome names
/// what it was expected to.
/// </summary>
public sealed class HostilePaymentCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_holds_OCR_giro_and_camt054_files_each_with_what_must_be_said_about_it()
    {
        var corpus = HostilePaymentCorpus.All();

        corpus.Count.ShouldBeGreaterThanOrEqualTo(40);
        corpus.Select(f => f.Kind).Distinct().Order().ShouldBe(["camt", "ocr"]);
        corpus.Select(f => f.ToString()).ShouldBeUnique();
        corpus.Where(f => f.Rejected).ShouldAllBe(f => f.Mentions.Count > 0);
    }

    [Fact]
    public async Task Every_hostile_bank_file_is_rejected_with_a_report_naming_record_and_field_and_state_unchanged_or_accepted_as_expected()
    {
        await using var world = await PaymentsWorld.StartAsync();
        await world.LedgerAsync("w1.csv", "2026-01-20", HostilePaymentCorpus.Ledger);
        await world.CycleAsync("2026-01-20");
        var baseline = await PaymentsWorld.ImportAsync(world.Host, HostilePaymentCorpus.OcrText(), "baseline.txt");
        baseline.Result.ShouldBe(PaymentImportResult.Accepted, baseline.Message);
        baseline.Matched.ShouldBe(1);

        var failures = new List<string>();
        int rejected = 0, unchanged = 0, accepted = 0, duplicates = 0;
        var corpus = HostilePaymentCorpus.All();
        foreach (var file in corpus)
        {
            var before = await StateAsync(world.Host);
            var name = $"hostile/{file.Kind}-{file.Name}.{(file.Kind == "camt" ? "xml" : "txt")}";
            var outcome = await ImportAsync(world.Host, name, file.Content);
            if (outcome is null)
            {
                failures.Add($"{file}: no outcome: the import threw without a report");
                continue;
            }

            if (file.Rejected)
            {
                if (outcome.Result != PaymentImportResult.Rejected)
                {
                    failures.Add($"{file}: expected rejected, was {outcome.Result}: {outcome.Message}");
                    continue;
                }

                rejected++;
                var report = (await world.Host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient(outcome.ReportBlob).DownloadContentAsync()).Value.Content.ToString();
                var missing = file.Mentions.Append("acme/" + name).Where(m => !report.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{file}: the report does not mention {string.Join(", ", missing.Select(m => $"'{m}'"))}:\n{report}");
                }
            }
            else
            {
                if (outcome.Result is not (PaymentImportResult.Accepted or PaymentImportResult.Duplicate))
                {
                    failures.Add($"{file}: expected accepted, was {outcome.Result}: {outcome.Message}");
                    continue;
                }

                accepted++;
                duplicates += outcome.Result == PaymentImportResult.Duplicate ? 1 : 0;
                var said = outcome.Message + "\n" + string.Join("\n", outcome.Lines ?? []);
                var missing = file.Mentions.Where(m => !said.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{file}: the outcome does not mention {string.Join(", ", missing.Select(m => $"'{m}'"))}:\n{said}");
                }
            }

            if (file.Rejected || outcome.Result == PaymentImportResult.Duplicate)
            {
                if (await StateAsync(world.Host) != before)
                {
                    failures.Add($"{file}: {outcome.Result}, but what is stored changed");
                }
                else
                {
                    unchanged++;
                }
            }
        }

        // A payer's name with CR LF and a header in it is one line in the task a person reads.
        (await world.TasksAsync(PaymentTaskKinds.UnplacedPayment)).ShouldAllBe(t => !t.Title.Contains('\r') && !t.Title.Contains('\n'));

        output.WriteLine($"{corpus.Count} files tried ({string.Join(", ", corpus.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}): {rejected} rejected with a report naming file, record and field, "
            + $"{accepted} accepted as expected ({duplicates} of them recognised as a file imported before), {corpus.Count(f => !f.Rejected && f.Mentions.Count > 0)} with the named warning or reason; stored state unchanged after {unchanged} of the {rejected + duplicates} rejected or duplicate files.");
        failures.ShouldBeEmpty(string.Join("\n\n", failures));
    }

    private static async Task<PaymentImportOutcome?> ImportAsync(LocalHost host, string name, byte[] content)
    {
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.Payments).GetBlobClient("acme/" + name);
        var uploaded = await blob.UploadAsync(new BinaryData(content), overwrite: true);
        await host.Get<PaymentsWatcher>().ScanAsync(CancellationToken.None);
        try
        {
            await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }

        return await host.Get<IPaymentStore>().GetOutcomeAsync("acme/" + name, uploaded.Value.ETag.ToString(), CancellationToken.None);
    }

    /// <summary>Payments, applied payments, imported files, cases (acme's table and the lookups), tasks, debtors and evidence heads, as one comparable text.</summary>
    private static async Task<string> StateAsync(LocalHost host)
    {
        var text = new StringBuilder();
        foreach (var table in new[] { StorageNames.Tables.Payments, StorageNames.Tables.CasesOf("acme"), StorageNames.Tables.CaseIndex, StorageNames.Tables.Tasks, StorageNames.Tables.Debtors, StorageNames.Tables.EvidenceHeads })
        {
            var rows = new List<string>();
            var client = host.Get<StorageClients>().Table(table);
            await client.CreateIfNotExistsAsync();
            await foreach (var entity in client.QueryAsync<TableEntity>())
            {
                if (table == StorageNames.Tables.Payments && entity.PartitionKey == "upload")
                {
                    continue; // the outcome of each upload, the only row a rejected file writes
                }

                rows.Add(entity.PartitionKey + "/" + entity.RowKey + ": " + string.Join(", ", entity.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).Order(StringComparer.Ordinal).Select(k => k + "=" + Convert.ToString(entity[k], CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append(table).Append('\n').AppendJoin('\n', rows).Append('\n');
        }

        return text.ToString();
    }
}
