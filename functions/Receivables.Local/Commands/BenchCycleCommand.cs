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
            await using var host = await LocalHost.StartAsync(
                new LocalHostSettings
                {
                    DataPath = dataPath,
                    MinimumLogLevel = LogLevel.Warning,
                    Overrides = new Dictionary<string, string?> { [StorageNames.Connection] = "UseDevelopmentStorage=true" },
                    ConfigureServices = s =>
                    {
                        s.RemoveAll<StorageClients>();
                        s.AddSingleton(sp => counter.Clients(sp.GetRequiredService<IConfiguration>()[StorageNames.Connection]!));
                        s.RemoveAll<ILedgerReader>();
                        s.AddSingleton(sp => new SyntheticLedger(sp.GetRequiredService<IOptions<ReceivablesOptions>>().Value.Creditors.Keys.Order(StringComparer.Ordinal).First(), count, seedDay));
                        s.AddSingleton<ILedgerReader>(sp => sp.GetRequiredService<SyntheticLedger>());
                    },
                },
                cancellationToken);
            var ledger = host.Get<SyntheticLedger>();
            var creditorId = host.Get<IOptions<ReceivablesOptions>>().Value.Creditors.Keys.Order(StringComparer.Ordinal).First();
            Console.WriteLine($"bench cycle: creditor '{creditorId}', {count:N0} debtors, {ledger.InvoiceCount:N0} invoices (generated ledger served from memory; cases, outbound and queues on Azurite).");

            var watch = Stopwatch.StartNew();
            var seeded = await SeedAsync(host, ledger, creditorId, seedDay, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: case state of {seeded:N0} debtors as after the {seedDay:yyyy-MM-dd} cycle, written in {watch.Elapsed.TotalSeconds:0.0} s ({counter.Tables:N0} table operations, batched)."));
            Console.WriteLine();
            Console.WriteLine($"{"run",-32} {"considered",10} {"queued",7} {"time",9} {"table ops",10} {"queue ops",10} {"blob ops",9} {"ledger reads",13}");

            var cycle = host.Get<DunningCycle>();
            var unchangedDay = seedDay.AddDays(1);
            ledger.TakenAt = new DateTimeOffset(unchangedDay.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
            await MeasureAsync($"unchanged ({unchangedDay:yyyy-MM-dd})", () => cycle.RunAsync(unchangedDay, creditorId, cancellationToken), counter, ledger);
            await host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync(cancellationToken);

            var changedDay = unchangedDay.AddDays(1);
            var altered = ledger.Change(share, changedDay);
            ledger.TakenAt = new DateTimeOffset(changedDay.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
            await MeasureAsync(string.Create(CultureInfo.InvariantCulture, $"{share:P0} changed ({altered:N0}, {changedDay:yyyy-MM-dd})"), () => cycle.RunAsync(changedDay, creditorId, cancellationToken), counter, ledger);
            Console.WriteLine();
            Console.WriteLine("An unchanged cycle queries only the cases whose next action date has come; a changed ledger adds one paged");
            Console.WriteLine("scan of the case summaries (1,000 per request) and writes only the debtors whose lines changed.");
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

    private static async Task<int> SeedAsync(LocalHost host, SyntheticLedger ledger, string creditorId, DateOnly day, CancellationToken cancellationToken)
    {
        var store = host.Get<ICaseStore>();
        var policies = host.Get<DunningPolicies>();
        var buffer = new List<DunningCase>(1000);
        var seeded = 0;
        foreach (var lines in ledger.All)
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
        var snapshot = await ledger.GetLatestSnapshotAsync(creditorId, cancellationToken);
        await store.SaveRunStateAsync(new DunningRunState(creditorId, snapshot!.SnapshotId, day, false, null), cancellationToken);
        return seeded;
    }

    private static async Task MeasureAsync(string name, Func<Task<DunningCycleResult>> run, StorageOperationCounter counter, SyntheticLedger ledger)
    {
        counter.Reset();
        var readsBefore = ledger.DebtorReads;
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-32} {result.DebtorsConsidered,10:N0} {result.RemindersQueued,7:N0} {watch.Elapsed.TotalSeconds,7:0.00} s {counter.Tables,10:N0} {counter.Queues,10:N0} {counter.Blobs,9:N0} {ledger.DebtorReads - readsBefore,13:N0}"));
    }
}
