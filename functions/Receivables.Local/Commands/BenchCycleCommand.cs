using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Receivables.Creditors;
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
        var debtors = new Option<int>("--debtors") { Description = "How many debtors in all (spread evenly over the creditors).", DefaultValueFactory = _ => 100_000 };
        var creditors = new Option<int>("--creditors") { Description = "How many creditors (registered through the creditor registry). With 2 or more, half are run with 1 worker and half with W, on the same day.", DefaultValueFactory = _ => 2 };
        var workers = new Option<int>("--workers") { Description = "Concurrent shard consumers for the W-worker run (as Functions instances would work the dunning-shard queue).", DefaultValueFactory = _ => 4 };
        var breakdown = new Option<bool>("--breakdown") { Description = "After each run, print its storage requests by service, method and table/container/queue." };
        var changed = new Option<double>("--changed") { Description = "Share of debtors changed for the second day (0.01 = 1%).", DefaultValueFactory = _ => 0.01 };
        var inMemory = new Option<bool>("--emulator-in-memory") { Description = "Start Azurite with --inMemoryPersistence (by default it saves its whole table database to disk every 5 seconds, which at a million debtors takes longer than the work)." };
        var roundTrip = new Option<double>("--round-trip-ms") { Description = "Milliseconds of waiting added to every storage request during the measured runs (not the import or seed): a model of the network round trip to a storage account, which the local emulator does not have. 0 (default): none.", DefaultValueFactory = _ => 0 };
        var cycle = new Command("cycle", "Time and storage operations of the daily dunning cycle (planned, fanned out over the shard queue) with 1 and with W workers: unchanged, and with a share of debtors changed.") { debtors, creditors, workers, changed, inMemory, breakdown, roundTrip };
        cycle.SetAction((parse, ct) => RunAsync(parse.GetValue(debtors), parse.GetValue(creditors), parse.GetValue(workers), parse.GetValue(changed), parse.GetValue(inMemory), parse.GetValue(breakdown), parse.GetValue(roundTrip), ct));
        var bench = new Command("bench", "Measure the product on this machine (prints figures).");
        bench.Subcommands.Add(cycle);
        bench.Subcommands.Add(BenchIngestCommand.Build());
        bench.Subcommands.Add(BenchWorkspaceCommand.Build());
        bench.Subcommands.Add(BenchPaymentsCommand.Build());
        bench.Subcommands.Add(BenchCrashCommand.Build());
        bench.Subcommands.Add(BenchSaftCommand.Build());
        return bench;
    }

    private static async Task<int> RunAsync(int count, int creditorCount, int workers, double share, bool inMemory, bool breakdown, double roundTripMs, CancellationToken cancellationToken)
    {
        if (count < 1 || creditorCount < 1 || creditorCount > count || workers < 1)
        {
            await Console.Error.WriteLineAsync("error: --debtors and --workers must be at least 1, and --creditors between 1 and --debtors.");
            return 1;
        }

        if (roundTripMs is < 0 or > 1000 || double.IsNaN(roundTripMs))
        {
            await Console.Error.WriteLineAsync("error: --round-trip-ms must be between 0 and 1000.");
            return 1;
        }

        var roundTrip = TimeSpan.FromMilliseconds(roundTripMs);

        var seedDay = new DateOnly(2026, 3, 2);
        var counter = new StorageOperationCounter { NameBatchTables = breakdown };
        var dataPath = Path.Combine(Path.GetTempPath(), "receivables-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // A worker works one debtor at a time here, so that 1 and W workers compare the fan-out itself.
            // The host lives on the bench's days (the ledgers at 05:00 UTC, the seed and the runs at 07:00), as it would on
            // those days: what the cases' saves date (the workspace index's journal) falls on the day of the work.
            var clock = new AdjustableClock(At(seedDay, 5));
            var (host, _) = await BenchUploads.StartHostAsync(counter, dataPath, cancellationToken, new Dictionary<string, string?> { ["Receivables:Dunning:Scale:Parallelism"] = "1" }, storageInMemory: inMemory, clock: clock);
            await using var _ = host;
            var registry = host.Get<CreditorRegistry>();
            var ledgers = new List<(string Id, SyntheticLedger Ledger)>();
            var watch = Stopwatch.StartNew();
            for (var c = 0; c < creditorCount; c++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"bench-{c + 1:D3}");
                await registry.AddAsync(id, new CreditorChange(Name: $"Bench {c + 1} AS", Email: $"regnskap@bench{c + 1}.example", OrgNumber: "987654321", BankAccount: "12345678903"), cancellationToken);
                var size = count / creditorCount + (c < count % creditorCount ? 1 : 0);
                var ledger = new SyntheticLedger(id, size, seedDay, seed: 42 + c);
                await ImportAsync(host, ledger, id, "seed", seedDay, dataPath, cancellationToken);
                ledgers.Add((id, ledger));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench cycle: {creditorCount:N0} creditor(s) in the creditor registry, {count:N0} debtors, {ledgers.Sum(l => l.Ledger.InvoiceCount):N0} invoices, imported through the ledger importer into Azurite in {watch.Elapsed.TotalSeconds:0.0} s."));
            watch.Restart();
            counter.Reset();
            clock.SetUtcNow(At(seedDay, 7));
            var seeded = 0;
            await Parallel.ForEachAsync(ledgers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (l, ct) =>
                Interlocked.Add(ref seeded, await CaseSeed.CasesAsync(host, l.Id, seedDay, ct)));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: case state of {seeded:N0} debtors as after the {seedDay:yyyy-MM-dd} cycle, written in {watch.Elapsed.TotalSeconds:0.0} s ({counter.Tables:N0} table operations, batched)."));
            var scale = host.Get<DunningPolicies>().Options.Scale;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shards: about {scale.DebtorsPerShard:N0} debtors per shard (power of two, at most {scale.MaxShards}); a worker works {scale.Parallelism} debtor(s) at a time."));
            Console.WriteLine(roundTrip > TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"round trip: {roundTripMs:0.#} ms of waiting added to every storage request in the runs below (a model of a storage account's network latency, not measured on Azure).")
                : "round trip: none added (Azurite on this machine: the requests' time is the emulator's CPU and ours).");

            // Two equal halves of the creditors (same generator), so 1 and W workers are measured on the same day and machine.
            var halves = creditorCount >= 2
                ? new[] { (Workers: 1, Ids: ledgers.Where((_, i) => i % 2 == 0).Select(l => l.Id).ToList()), (Workers: workers, Ids: ledgers.Where((_, i) => i % 2 == 1).Select(l => l.Id).ToList()) }
                : [(Workers: 1, Ids: ledgers.Select(l => l.Id).ToList())];
            Console.WriteLine();
            Console.WriteLine($"{"run",-34} {"workers",7} {"shards",6} {"cases",7} {"queued",7} {"time",9} {"cases/s",8} {"stor/case",9} {"queue/case",10} {"table ops",10} {"blob ops",9} {"queue ops",9} {"Azurite CPU",11} {"our CPU",8}");

            var unchangedDay = seedDay.AddDays(1);
            clock.SetUtcNow(At(unchangedDay, 5));
            foreach (var (id, ledger) in ledgers)
            {
                await ImportAsync(host, ledger, id, "unchanged", unchangedDay, dataPath, cancellationToken);
            }

            var figures = new List<(string Day, int Workers, double PerSecond)>();
            clock.SetUtcNow(At(unchangedDay, 7));
            foreach (var (n, ids) in halves)
            {
                figures.Add(("unchanged", n, await MeasureAsync(host, $"unchanged ({unchangedDay:yyyy-MM-dd})", ids, unchangedDay, n, counter, breakdown, roundTrip, cancellationToken)));
            }

            await host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync(cancellationToken);
            var changedDay = unchangedDay.AddDays(1);
            clock.SetUtcNow(At(changedDay, 5));
            var altered = 0;
            foreach (var (id, ledger) in ledgers)
            {
                altered += ledger.Change(share, changedDay);
                await ImportAsync(host, ledger, id, "changed", changedDay, dataPath, cancellationToken);
            }

            clock.SetUtcNow(At(changedDay, 7));
            foreach (var (n, ids) in halves)
            {
                figures.Add(("changed", n, await MeasureAsync(host, string.Create(CultureInfo.InvariantCulture, $"{share:P0} changed ({altered:N0}, {changedDay:yyyy-MM-dd})"), ids, changedDay, n, counter, breakdown, roundTrip, cancellationToken)));
            }

            Console.WriteLine();
            foreach (var day in new[] { "unchanged", "changed" })
            {
                var one = figures.FirstOrDefault(f => f.Day == day && f.Workers == 1);
                var many = figures.FirstOrDefault(f => f.Day == day && f.Workers == workers && workers > 1);
                if (one.PerSecond > 0 && many.PerSecond > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{day} day: {workers} workers worked {many.PerSecond / one.PerSecond:0.00}x the cases per second of 1 worker."));
                }
            }

            Console.WriteLine("stor/case: table and blob operations per case worked (due, changed or new), fixed costs (plan, progress, due-index");
            Console.WriteLine("queries, one ranged snapshot read per shard) included. Cases without a due step are not read or written.");
            Console.WriteLine("Azurite CPU / our CPU: CPU seconds of the emulator's process and of this process during the run (2 cores shared).");
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

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

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

    /// <summary>Plans the day for <paramref name="creditorIds"/> (as the timer does) and works the shard queue with <paramref name="workers"/> consumers; returns cases per second.</summary>
    private static async Task<double> MeasureAsync(LocalHost host, string name, IReadOnlyList<string> creditorIds, DateOnly day, int workers, StorageOperationCounter counter, bool breakdown, TimeSpan roundTrip, CancellationToken cancellationToken)
    {
        counter.RoundTrip = roundTrip;
        try
        {
            return await MeasureAsync(host, name, creditorIds, day, workers, counter, breakdown, cancellationToken);
        }
        finally
        {
            counter.RoundTrip = TimeSpan.Zero;
        }
    }

    private static async Task<double> MeasureAsync(LocalHost host, string name, IReadOnlyList<string> creditorIds, DateOnly day, int workers, StorageOperationCounter counter, bool breakdown, CancellationToken cancellationToken)
    {
        var planner = host.Get<DunningPlanner>();
        var handler = host.Get<DunningShardHandler>();
        var options = new LocalQueueOptions { BatchSize = 1, MaxPollingInterval = TimeSpan.FromMilliseconds(200) };
        var consumers = Enumerable.Range(0, workers)
            .Select(_ => QueueConsumer.For(handler, host.Get<StorageClients>(), options, host.Get<ILoggerFactory>().CreateLogger<QueueConsumer>()))
            .ToList();
        counter.Reset();
        var emulator = host.StorageEmulatorCpu ?? TimeSpan.Zero;
        var ours = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var shards = 0;
        shards += (await planner.PlanCreditorsAsync(day, creditorIds, fanOut: true, cancellationToken)).Plans.Sum(p => p.Shards);

        await Task.WhenAll(consumers.Select(c => c.DrainAsync(cancellationToken)));
        watch.Stop();
        var tables = counter.Tables;
        var blobs = counter.Blobs;
        var queues = counter.Queues;
        var byKind = counter.ByKind; // before the bench reads the runs' progress below
        var emulatorCpu = (host.StorageEmulatorCpu ?? TimeSpan.Zero) - emulator;
        var ourCpu = Process.GetCurrentProcess().TotalProcessorTime - ours;

        var progress = host.Get<ICycleProgressStore>();
        var cases = 0;
        var queued = 0;
        foreach (var id in creditorIds)
        {
            if (await progress.GetLatestAsync(id, cancellationToken) is { } latest && await progress.GetAsync(id, latest.Date, latest.Run, cancellationToken) is { } run)
            {
                cases += run.Considered;
                queued += run.Queued;
            }
        }

        var perSecond = cases / Math.Max(0.001, watch.Elapsed.TotalSeconds);
        double Per(long ops) => cases == 0 ? 0 : ops / (double)cases;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {workers,7} {shards,6:N0} {cases,7:N0} {queued,7:N0} {watch.Elapsed.TotalSeconds,7:0.00} s {perSecond,8:0.0} {Per(tables + blobs),9:0.00} {Per(queues),10:0.00} {tables,10:N0} {blobs,9:N0} {queues,9:N0} {emulatorCpu.TotalSeconds,9:0.0} s {ourCpu.TotalSeconds,6:0.0} s"));
        if (breakdown)
        {
            foreach (var (kind, n) in byKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kind,-44} {n,9:N0} {Per(n),6:0.00}/case"));
            }
        }
        return perSecond;
    }
}
