using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Local.Commands;
using Receivables.Local.Hosting;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>
/// Kills the operator CLI (<c>cycle</c>, a child process, <c>kill -9</c>) at random points of daily cycles, most of them
/// while emails are being sent to a fake SendGrid, lets each date finish with a run that is not killed, then recovers
/// (one more run after the queue's visibility timeout) and counts: emails accepted, duplicate emails, reminders still
/// pending without a queue message (stuck), intents left, poisoned messages and Azurite processes on the data folder.
/// </summary>
public sealed class CrashBench(CrashBenchOptions options, TextWriter log)
{
    private const string Creditor = "demo";

    private int mostEmulators;

    public async Task<CrashBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var folder = Path.Combine(Path.GetTempPath(), "receivables-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var provider = await FakeSendGrid.StartAsync(options.ProviderLatency, cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Receivables:Email:Mode"] = "SendGrid",
            ["Receivables:Email:SendGrid:ApiKey"] = "bench-crash",
            ["Receivables:Email:SendGrid:BaseUrl"] = provider.BaseUrl,
            ["Receivables:Email:SendGrid:MaxRetries"] = "0",

            // After a kill between the 202 and the proof, the sender asks the (fake) Email Activity API before sending again.
            ["Receivables:Email:SendGrid:ActivityLookup"] = options.ActivityLookup ? "true" : "false",
            ["Receivables:Email:SendGrid:ActivitySettle"] = "00:00:00",
            ["Receivables:Dunning:MaxLedgerAgeDays"] = "400",
            ["Receivables:Dunning:RequeuePendingAfter"] = options.Visibility.ToString("c", CultureInfo.InvariantCulture),
            ["Receivables:Local:Queues:VisibilityTimeout"] = options.Visibility.ToString("c", CultureInfo.InvariantCulture),
            ["Receivables:Channel:ContactHours"] = "false",
        };

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var debtors = await ImportAsync(folder, settings, today, cancellationToken);
        var dates = Enumerable.Range(0, options.Dates).Select(i => NorwegianCalendar.OnOrNextBusinessDay(today.AddDays(15 * i))).ToList();
        log.WriteLine($"bench crash: {debtors:N0} debtors of creditor '{Creditor}' imported; cycle dates {string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}; data in {folder}");

        var kills = 0;
        var whileSending = 0;
        var runs = 0;
        for (var d = 0; d < dates.Count; d++)
        {
            var planned = options.Kills / dates.Count + (d < options.Kills % dates.Count ? 1 : 0);
            for (var k = 0; k < planned; k++)
            {
                // Two kills in three wait for emails to go out, then kill mid-send; the others kill at a random moment.
                var afterEmails = (kills + k) % 3 != 2 ? 1 + random.Next(Math.Clamp(debtors / 10, 1, 25)) : 0;
                var afterTime = TimeSpan.FromMilliseconds(300 + random.Next(6_000));
                var (killed, sending) = await RunCliAsync(folder, settings, dates[d], provider, afterEmails, afterTime, cancellationToken);
                runs++;
                if (killed)
                {
                    kills++;
                    whileSending += sending ? 1 : 0;
                }
            }

            await RunCliAsync(folder, settings, dates[d], provider, null, null, cancellationToken);
            runs++;
            log.WriteLine($"  {dates[d]:yyyy-MM-dd}: {kills} kill(s) so far ({whileSending} while sending), {provider.Messages:N0} email(s) accepted, {provider.Duplicates} duplicate(s)");
        }

        // Recovery: messages a killed run had taken are visible again after the visibility timeout; one more run sends
        // them and re-queues what lost its queue message.
        var (pending, intents, queued, poisoned) = (0, 0, 0, 0);
        for (var round = 0; round < 3; round++)
        {
            await Task.Delay(options.Visibility + TimeSpan.FromSeconds(1), cancellationToken);
            await RunCliAsync(folder, settings, dates[^1], provider, null, null, cancellationToken);
            runs++;
            (pending, intents, queued, poisoned) = await MeasureAsync(folder, settings, cancellationToken);
            if (pending == 0 && intents == 0 && queued == 0)
            {
                break;
            }
        }

        if (EmulatorsOn(Path.Combine(folder, "azurite")) > 0)
        {
            log.WriteLine("  warning: an Azurite process was left running on the bench's data folder");
        }

        TryDelete(folder);
        return new CrashBenchResult(debtors, kills, whileSending, runs, provider.Accepted, provider.Messages, provider.Duplicates, pending, intents, queued, poisoned, mostEmulators, clock.Elapsed) { Lookups = provider.Lookups, ActivityLookup = options.ActivityLookup };
    }

    public static string Describe(CrashBenchResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        bench crash: {r.Kills} kill -9 of `cycle` ({r.KillsWhileSending} while emails were being sent), {r.Runs} CLI runs, {r.Debtors:N0} debtors, {r.Elapsed.TotalSeconds:0} s
          emails accepted by the provider: {r.EmailsAccepted:N0} for {r.Messages:N0} distinct messages; duplicate emails: {r.Duplicates}
          Email Activity lookup before re-sending a try left without proof: {(r.ActivityLookup ? "on" : "off")}; lookups made: {r.Lookups}
          after recovery: stuck (pending without a queue message): {r.StuckPending}; intents not finished: {r.IntentsLeft}; messages still queued: {r.QueuedLeft}; poisoned: {r.Poisoned}
          Azurite processes on the data folder, most at any time: {r.MostEmulators} (a killed run's emulator is reused by the next run, not doubled)
        """);

    private async Task<int> ImportAsync(string folder, Dictionary<string, string?> settings, DateOnly today, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(folder, "ledger.csv");
        new LedgerFileGenerator(options.Seed).Write(csv, (int)(options.Debtors * 3.5), today);
        await using var host = await StartHostAsync(folder, settings, cancellationToken);
        var outcome = await ImportCommand.UploadAndIngestAsync(host, csv, $"{Creditor}/ledger.csv", new Dictionary<string, string>(), cancellationToken);
        if (outcome.Result != LedgerUploadResult.Accepted)
        {
            throw new Common.ReceivablesException($"The bench's ledger was not accepted: {outcome.Result}.");
        }

        return (await host.Get<ILedgerReader>().GetLatestSnapshotAsync(Creditor, cancellationToken))?.Debtors ?? 0;
    }

    /// <summary>One <c>cycle --as-of</c> run of the CLI; killed after <paramref name="afterEmails"/> more accepted emails (or at <paramref name="afterTime"/>), or left to finish.</summary>
    private async Task<(bool Killed, bool WhileSending)> RunCliAsync(string folder, Dictionary<string, string?> settings, DateOnly date, FakeSendGrid provider, int? afterEmails, TimeSpan? afterTime, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { options.Program, "cycle", "--as-of", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RECEIVABLES_DATA"] = folder;
        start.Environment["RECEIVABLES_HOME"] = options.Home;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new Common.ReceivablesException("Could not start the CLI.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var before = provider.Accepted;
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(100));
        TimeSpan? reached = null;
        var started = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(5);
        var sampled = TimeSpan.Zero;
        while (!process.HasExited && started.Elapsed < deadline)
        {
            if (started.Elapsed - sampled > TimeSpan.FromMilliseconds(250))
            {
                sampled = started.Elapsed;
                mostEmulators = Math.Max(mostEmulators, EmulatorsOn(Path.Combine(folder, "azurite")));
            }

            if (afterEmails is { } n && n > 0 && reached is null && provider.Accepted - before >= n)
            {
                reached = started.Elapsed;
            }

            var due = afterEmails is { } e && e > 0
                ? reached is { } at && (options.KillInFlight ? provider.InFlight > 0 : started.Elapsed - at >= jitter)
                : afterTime is { } t && started.Elapsed >= t;
            if (due)
            {
                var sending = provider.Accepted > before || provider.InFlight > 0;
                process.Kill(entireProcessTree: false); // SIGKILL of the CLI only: its Azurite is left running, as after a real kill -9
                await process.WaitForExitAsync(cancellationToken);
                return (true, sending);
            }

            await Task.Delay(reached is null ? 5 : 1, cancellationToken);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            throw new Common.ReceivablesException($"`cycle --as-of {date:yyyy-MM-dd}` did not finish in {deadline.TotalMinutes} minutes.");
        }

        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            lock (output)
            {
                throw new Common.ReceivablesException($"`cycle --as-of {date:yyyy-MM-dd}` exited {process.ExitCode}:\n{output}");
            }
        }

        return (false, false);
    }

    /// <summary>The local host in this process, with the settings of <see cref="CrashBenchOptions.Home"/> and the bench's.</summary>
    private Task<LocalHost> StartHostAsync(string folder, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var overrides = LocalHost.LocalSettingsFile(options.Home);
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return LocalHost.StartAsync(new LocalHostSettings { DataPath = folder, Overrides = overrides, MinimumLogLevel = LogLevel.Error }, cancellationToken);
    }

    private async Task<(int Pending, int Intents, int Queued, int Poisoned)> MeasureAsync(string folder, Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await using var host = await StartHostAsync(folder, settings, cancellationToken);
        var pending = 0;
        await foreach (var summary in host.Get<ICaseStore>().SummariesAsync(Creditor, cancellationToken))
        {
            pending += summary.HasPending ? 1 : 0;
        }

        var storage = host.Get<StorageClients>();
        var intents = 0;
        await foreach (var _ in storage.Table(StorageNames.Tables.Outbound).QueryAsync<TableEntity>($"State eq '{OutboundStates.Intended}'", cancellationToken: cancellationToken))
        {
            intents++;
        }

        var queued = (await storage.Queue(StorageNames.Queues.SendReminder).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var poisoned = (await storage.Queue(StorageNames.Queues.Poison(StorageNames.Queues.SendReminder)).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        return (pending, intents, queued, poisoned);
    }

    /// <summary>Azurite processes whose command line names this data folder (Linux: /proc; elsewhere -1).</summary>
    public static int EmulatorsOn(string location)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        var full = Path.GetFullPath(location);
        var count = 0;
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                count += args.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)) && args.Contains(full) ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended meanwhile.
            }
        }

        return count;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
