using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;
using Receivables.Ledger;
using Receivables.Local.Bench;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

/// <summary>
/// <c>bench ingest --lines N</c>: generates a realistic ledger of N lines and prints parse speed (against a raw CsvHelper
/// read of the same file), the speed of parse + diff + persist into a fresh Azurite, peak working set, and the storage
/// operations of the first upload and of the same file uploaded again.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Build()
    {
        var lines = new Option<int>("--lines") { Description = "How many invoice lines the generated ledger has.", DefaultValueFactory = _ => 1_000_000 };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated file and the Azurite folder (prints where)." };
        var ingest = new Command("ingest", "Time and storage operations of importing a generated ledger file, first and again unchanged.") { lines, keep };
        ingest.SetAction((parse, ct) => RunAsync(parse.GetValue(lines), parse.GetValue(keep), ct));
        return ingest;
    }

    private static async Task<int> RunAsync(int count, bool keep, CancellationToken cancellationToken)
    {
        if (count < 1)
        {
            await Console.Error.WriteLineAsync("error: --lines must be at least 1.");
            return 1;
        }

        var folder = Path.Combine(Path.GetTempPath(), "receivables-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "ledger.csv");
        try
        {
            var watch = Stopwatch.StartNew();
            new LedgerFileGenerator().Write(file, count, new DateOnly(2026, 11, 23));
            var size = new FileInfo(file).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench ingest: {count:N0} lines, {size / 1048576.0:0.0} MB canonical CSV generated in {watch.Elapsed.TotalSeconds:0.0} s ({file})."));
            Console.WriteLine();
            Console.WriteLine($"{"run",-36} {"time",9} {"lines/s",11} {"peak WS",9} {"storage ops",12} {"writes",8}");

            var parsed = 0;
            var time = Measure(() => parsed = ParseOnly(file));
            Print("parse + validate (importer)", time, parsed, null);

            var raw = 0;
            time = Measure(() => raw = RawCsvHelper(file));
            Print("raw CsvHelper read (all fields)", time, raw, null);

            var counter = new StorageOperationCounter();
            var (host, creditorId) = await BenchUploads.StartHostAsync(counter, Path.Combine(folder, "data"), cancellationToken);
            await using var _ = host;

            var first = await IngestAsync(host, counter, $"{creditorId}/bench-{count}.csv", file, cancellationToken);
            Print("parse + diff + persist (Azurite)", first.Time, count, first);
            var again = await IngestAsync(host, counter, $"{creditorId}/bench-{count}-again.csv", file, cancellationToken);
            Print("same file again (unchanged)", again.Time, count, again);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first upload: {first.Outcome.Result}, {first.Outcome.Debtors:N0} debtors, {first.Outcome.Invoices:N0} open items, {first.Outcome.Warnings:N0} warnings; again: {again.Outcome.Result}."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unchanged upload: {again.Writes * 1000.0 / count:0.000} writes per 1,000 lines (target < 1). Storage operations exclude the upload itself; peak working set is this process (Azurite runs separately)."));
            if (keep)
            {
                Console.WriteLine($"kept: {folder}");
            }

            return first.Outcome.Result == LedgerUploadResult.Accepted ? 0 : 1;
        }
        catch (Exception e) when (Cli.UserError(e) is { } message)
        {
            await Console.Error.WriteLineAsync("error: " + message);
            return 1;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Azurite may still hold a file for a moment; the folder is in the temp directory.
                }
            }
        }
    }

    private static int ParseOnly(string file)
    {
        using var stream = File.OpenRead(file);
        var (prefix, content) = TextDecoding.PeekAsync(stream, CancellationToken.None).GetAwaiter().GetResult();
        var diagnostics = new LedgerDiagnostics();
        var format = new LedgerFormats(Options.Create(new LedgerOptions())).Detect("bench/ledger.csv", prefix, diagnostics)
            ?? throw new InvalidOperationException("The generated file was not recognised: " + string.Join("; ", diagnostics.Errors));
        var rows = 0;
        foreach (var row in format.Read(content, diagnostics))
        {
            rows++;
        }

        return diagnostics.HasErrors ? throw new InvalidOperationException("The generated file has errors: " + string.Join("; ", diagnostics.Errors.Take(3))) : rows;
    }

    private static int RawCsvHelper(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var rows = 0;
        var chars = 0L;
        while (csv.Read())
        {
            for (var i = 0; i < csv.Parser.Count; i++)
            {
                chars += csv.GetField(i)?.Length ?? 0;
            }

            rows++;
        }

        return chars > 0 ? rows : 0;
    }

    private static async Task<IngestRun> IngestAsync(LocalHost host, StorageOperationCounter counter, string name, string file, CancellationToken cancellationToken)
    {
        await BenchUploads.UploadAsync(host, name, file, null, cancellationToken);
        counter.Reset();
        var watch = Stopwatch.StartNew();
        await host.Get<LedgerWatcher>().ScanAsync(cancellationToken);
        await host.Get<QueueConsumers>().DrainAllAsync(cancellationToken);
        watch.Stop();
        var operations = counter.Total;
        var writes = counter.Writes;
        var outcome = await BenchUploads.ProcessAsync(host, name, cancellationToken);
        return new IngestRun(watch.Elapsed, operations, writes, outcome);
    }

    private static TimeSpan Measure(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Print(string name, TimeSpan time, int lines, IngestRun? run)
    {
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 / 1048576.0;
        var ops = run is null ? "-" : run.Operations.ToString("N0", CultureInfo.InvariantCulture);
        var writes = run is null ? "-" : run.Writes.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {time.TotalSeconds,7:0.00} s {lines / Math.Max(time.TotalSeconds, 1e-9),11:N0} {peak,6:0} MB {ops,12} {writes,8}"));
    }

    private sealed record IngestRun(TimeSpan Time, long Operations, long Writes, LedgerUploadOutcome Outcome);
}
