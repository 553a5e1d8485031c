using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>bench cycle --debtors N</c>: time and storage operations of a daily dunning cycle when nothing changed and when 1%
/// of the debtors changed, on a fresh Azurite in a temporary folder.
/// </summary>
internal static class BenchCycleCommand
{
    public static Command Build()
    {
        var debtors = new Option<int>("--debtors") { Description = "How many debtors the generated ledger has.", DefaultValueFactory = _ => 100_000 };
        var changed = new Option<double>("--changed") { Description = "Share of debtors changed for the second run (0.01 = 1%).", DefaultValueFactory = _ => 0.01 };
        var cycle = new Command("cycle", "Time and storage operations of the daily dunning cycle: unchanged, and with a share of debtors changed.") { debtors, changed };
        cycle.SetAction((parse, ct) => RunAsync(parse.GetValue(debtors), parse.GetValue(changed), ct));
        var bench = new Command("bench", "Measure the product on this machine (prints figures).");
        bench.Subcommands.Add(cycle);
        bench.Subcommands.Add(BenchIngestCommand.Build());
        bench.Subcommands.Add(BenchWorkspaceCommand.Build());
        return bench;
    }

    private static async Task<int> RunAsync(int count, double share, CancellationToken cancellationToken)
    {
        if (count < 1)
        {
            await Console.Error.WriteLineAsync("error: --debtors must be at least 1.");
            return 1;
        }

        var seedDay = new DateOnly(2026, 3, 2);
        var counter = new StorageOperationCounter();
        var dataPath = Path.Combine(Path.GetTempPath(), "receivables-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (host, creditorId) = await BenchUploads.StartHostAsync(counter, dataPath, cancellationToken);
            await using var _ = host;
            var ledger = new SyntheticLedger(creditorId, count, seedDay);
            var watch = Stopwatch.StartNew();
            await ImportAsync(host, ledger, creditorId, "seed", seedDay, dataPath, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench cycle: creditor '{creditorId}', {count:N0} debtors, {ledger.InvoiceCount:N0} invoices, imported through the ledger importer into Azurite in {watch.Elapsed.TotalSeconds:0.0} s; the cycle reads it from there."));

            watch.Restart();
            counter.Reset();
            var seeded = await SeedAsync(host, creditorId, seedDay, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: case state of {seeded:N0} debtors as after the {seedDay:yyyy-MM-dd} cycle, written in {watch.Elapsed.TotalSeconds:0.0} s ({counter.Tables:N0} table operations, batched)."));
            Console.WriteLine();
            Console.WriteLine($"{"run",-32} {"considered",10} {"queued",7} {"time",9} {"table ops",10} {"queue ops",10} {"blob ops",9}");

            var cycle = host.Get<DunningCycle>();
            var unchangedDay = seedDay.AddDays(1);
            await ImportAsync(host, ledger, creditorId, "unchanged", unchangedDay, dataPath, cancellationToken);
            await MeasureAsync($"unchanged ({unchangedDay:yyyy-MM-dd})", () => cycle.RunAsync(unchangedDay, creditorId, cancellationToken), counter);
            await host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync(cancellationToken);

            var changedDay = unchangedDay.AddDays(1);
            var altered = ledger.Change(share, changedDay);
            await ImportAsync(host, ledger, creditorId, "changed", changedDay, dataPath, cancellationToken);
            await MeasureAsync(string.Create(CultureInfo.InvariantCulture, $"{share:P0} changed ({altered:N0}, {changedDay:yyyy-MM-dd})"), () => cycle.RunAsync(changedDay, creditorId, cancellationToken), counter);
            Console.WriteLine();
            Console.WriteLine("An unchanged cycle queries only the cases whose next action date has come; a changed ledger adds one paged");
            Console.WriteLine("scan of the case summaries (1,000 per request) and writes only the debtors whose lines changed. Blob");
            Console.WriteLine("operations are the ledger reads: a ranged read per due debtor, or one streaming read of the new snapshot.");
            return 0;
        }
        catch (Exception e) when (Cli.UserError(e) is { } message)
        {
            await Console.Error.WriteLineAsync("error: " + message);
            return 1;
        }
        finally
        {
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the folder is in the temp directory.
            }
        }
    }

    /// <summary>Writes the ledger as a CSV and imports it as the export of <paramref name="day"/> 05:00 UTC.</summary>
    private static async Task ImportAsync(LocalHost host, SyntheticLedger ledger, string creditorId, string name, DateOnly day, string dataPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, name + ".csv");
        ledger.WriteCsv(file);
        var blobName = $"{creditorId}/bench-{name}.csv";
        await BenchUploads.UploadAsync(host, blobName, file, new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero), cancellationToken);
        var outcome = await BenchUploads.ProcessAsync(host, blobName, cancellationToken);
        if (outcome.Result is not (LedgerUploadResult.Accepted or LedgerUploadResult.Unchanged))
        {
            throw new InvalidOperationException($"The generated ledger {blobName} was not accepted: {outcome.Message}");
        }
    }

    /// <summary>Case state of every debtor as after the cycle of <paramref name="day"/>, read from the imported ledger.</summary>
    private static async Task<int> SeedAsync(LocalHost host, string creditorId, DateOnly day, CancellationToken cancellationToken)
    {
        var store = host.Get<ICaseStore>();
        var policies = host.Get<DunningPolicies>();
        var reader = host.Get<ILedgerReader>();
        var buffer = new List<DunningCase>(1000);
        var seeded = 0;
        await foreach (var lines in reader.ReadDebtorsAsync(creditorId, cancellationToken))
        {
            var state = store.New(creditorId, lines.Debtor.DebtorId);
            Ladder.Evaluate(state, lines, policies.For(creditorId, lines.Debtor), day, policies.Rates, policies.Options.CollectionNotice);
            state.Pending.Clear(); // as if the handler had sent them
            state.LedgerHash = DunningCase.LedgerHashOf(lines);
            buffer.Add(state);
            if (buffer.Count == 1000)
            {
                await store.InsertManyAsync(buffer, cancellationToken);
                seeded += buffer.Count;
                buffer.Clear();
            }
        }

        await store.InsertManyAsync(buffer, cancellationToken);
        seeded += buffer.Count;
        var snapshot = await reader.GetLatestSnapshotAsync(creditorId, cancellationToken);
        await store.SaveRunStateAsync(new DunningRunState(creditorId, snapshot!.SnapshotId, day, false, null), cancellationToken);
        return seeded;
    }

    private static async Task MeasureAsync(string name, Func<Task<DunningCycleResult>> run, StorageOperationCounter counter)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-32} {result.DebtorsConsidered,10:N0} {result.RemindersQueued,7:N0} {watch.Elapsed.TotalSeconds,7:0.00} s {counter.Tables,10:N0} {counter.Queues,10:N0} {counter.Blobs,9:N0}"));
    }
}
