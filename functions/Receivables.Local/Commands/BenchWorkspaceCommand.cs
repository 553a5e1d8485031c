using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Local.Bench;
using Receivables.Portfolio;
using Receivables.Storage;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>bench workspace --debtors N</c>: seeds a creditor with N debtors through the real importer, then the case state
/// and call tasks as one day's cycle leaves them (written directly, or with <c>--cycle</c> by running the first cycle),
/// then requests each workspace page repeatedly over loopback and prints the median and 95th percentile.
/// </summary>
internal static class BenchWorkspaceCommand
{
    public static Command Build()
    {
        var debtors = new Option<int>("--debtors") { Description = "How many debtors the generated ledger has.", DefaultValueFactory = _ => 100_000 };
        var requests = new Option<int>("--requests") { Description = "Requests per page (after one warm-up).", DefaultValueFactory = _ => 40 };
        var cycle = new Option<bool>("--cycle") { Description = "Run the first daily cycle over every debtor instead of writing the case state and call tasks directly (slow: about an hour at 100,000 debtors)." };
        var calls = new Option<int>("--calls") { Description = "At most this many call tasks are opened (each is a real open through the task store; on Azurite with 100,000 debtors a few per second).", DefaultValueFactory = _ => int.MaxValue };
        var inMemory = new Option<bool>("--emulator-in-memory") { Description = "Start Azurite with --inMemoryPersistence (no saves of its whole table database every 5 seconds while seeding)." };
        var command = new Command("workspace", "Time per workspace page (median, p95) for a creditor with many debtors, seeded through the importer and the case state and call tasks of one cycle.") { debtors, requests, cycle, calls, inMemory };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(debtors), parse.GetValue(requests), parse.GetValue(cycle), parse.GetValue(calls), parse.GetValue(inMemory), ct));
        return command;
    }

    private static async Task<int> RunAsync(int count, int requests, bool runCycle, int maxCalls, bool inMemory, CancellationToken cancellationToken)
    {
        if (count < 1 || requests < 1 || maxCalls < 0)
        {
            await Console.Error.WriteLineAsync("error: --debtors and --requests must be at least 1, --calls at least 0.");
            return 1;
        }

        var dataPath = Path.Combine(Path.GetTempPath(), "receivables-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        try
        {
            var (host, creditorId) = await BenchUploads.StartHostAsync(new StorageOperationCounter(), dataPath, cancellationToken, workspacePort: port, storageInMemory: inMemory);
            await using var owned = host;
            var today = host.Get<BusinessClock>().Today;
            var ledger = new SyntheticLedger(creditorId, count, today);
            Directory.CreateDirectory(dataPath);
            var file = Path.Combine(dataPath, "ledger.csv");
            ledger.WriteCsv(file);
            var watch = Stopwatch.StartNew();
            await BenchUploads.UploadAsync(host, creditorId + "/bench.csv", file, host.Get<BusinessClock>().Now.AddHours(-1), cancellationToken);
            var outcome = await BenchUploads.ProcessAsync(host, creditorId + "/bench.csv", cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench workspace: {count:N0} debtors, {ledger.InvoiceCount:N0} invoices imported ({outcome.Result}) in {watch.Elapsed.TotalSeconds:0.0} s, index built with it"));
            watch.Restart();
            if (runCycle)
            {
                var cycle = await host.Get<DunningCycle>().RunAsync(today, creditorId, cancellationToken);
                await host.Get<StorageClients>().Queue(StorageNames.Queues.SendReminder).ClearMessagesAsync(cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cycle {today:yyyy-MM-dd}: {cycle.DebtorsConsidered:N0} considered, {cycle.RemindersQueued:N0} reminders queued (not sent), index rebuilt, in {watch.Elapsed.TotalSeconds:0.0} s"));
            }
            else
            {
                var seeded = await CaseSeed.CasesAsync(host, creditorId, today, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: case state of {seeded:N0} debtors as after the {today:yyyy-MM-dd} cycle, written directly in {watch.Elapsed.TotalSeconds:0.0} s"));
                watch.Restart();
                var calls = await CaseSeed.CallTasksAsync(host, creditorId, today, maxCalls, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {calls:N0} call tasks opened through the task store (Today index kept) in {watch.Elapsed.TotalSeconds:0.0} s"));
                watch.Restart();
                await host.Get<PortfolioMaintainer>().RebuildAsync(creditorId, cancellationToken, asOf: today);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portfolio index rebuilt (as after a cycle) in {watch.Elapsed.TotalSeconds:0.0} s"));
            }

            var index = await host.Get<PortfolioReader>().GetAsync(creditorId, cancellationToken);

            var sample = index.Debtors[index.Debtors.Count / 3];
            var pages = new (string Name, string Url)[]
            {
                ("Today", "/"),
                ("Overview", "/Overview"),
                ("Debtors (first page)", "/Debtors"),
                ("Debtors (search)", "/Debtors?q=" + Uri.EscapeDataString(sample.Name.Split(' ')[0])),
                ("Debtors (stage filter)", "/Debtors?stage=" + PortfolioStages.Friendly),
                ("Debtor page", $"/Debtors/{creditorId}/{Uri.EscapeDataString(sample.Id)}"),
            };
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Console.WriteLine();
            Console.WriteLine($"{"page",-24} {"median",9} {"p95",9} {"max",9}  (ms, {requests} requests each over loopback, after one warm-up)");
            foreach (var (name, url) in pages)
            {
                (await client.GetAsync(url, cancellationToken)).EnsureSuccessStatusCode();
                var times = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var t = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url, cancellationToken);
                    _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    response.EnsureSuccessStatusCode();
                    times.Add(t.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {times[times.Count / 2],9:0.0} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],9:0.0} {times[^1],9:0.0}"));
            }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
