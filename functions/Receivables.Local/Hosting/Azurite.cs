using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Receivables.Common;

namespace Receivables.Local.Hosting;

/// <summary>
/// Starts the Azurite emulator (npm package <c>azurite</c>, pinned in the repository's package.json) on free loopback
/// ports with a data folder of its own, and stops it on dispose. Extra storage accounts can be declared so that tests
/// get an isolated account each from one emulator process.
/// One emulator per data folder: a lock file in the folder (<see cref="LockFile"/>: the emulator's process id, the
/// owner's, the ports) lets the next start find an emulator left running when its owner was killed (<c>kill -9</c> of
/// a CLI run): it is reused when it answers (and stopped by its new owner), stopped when it does not, never doubled.
/// An emulator whose owner still runs (a <c>serve</c>, another command) is shared and left running.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development key (public, documented; not a secret).</summary>
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string DevAccount = "devstoreaccount1";

    /// <summary>In the data folder while an emulator runs on it: <see cref="EmulatorLock"/> as JSON.</summary>
    public const string LockFile = "receivables-azurite.lock";

    /// <summary>Azurite's own output, in the data folder (not a pipe to a process that may be killed).</summary>
    public const string LogFile = "receivables-azurite.log";

    private readonly Process process;
    private readonly string location;
    private readonly bool deleteLocation;
    private readonly bool owned;

    private Azurite(Process process, string location, bool deleteLocation, bool owned, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.location = location;
        this.deleteLocation = deleteLocation;
        this.owned = owned;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The emulator's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>Whether this handle stops the emulator on dispose (it started it, or took over one whose owner is gone).</summary>
    public bool Owned => owned;

    /// <summary>CPU time the emulator's process has used so far (benches: where the time goes).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                process.Refresh();
                return IsAlive(process.Id) ? process.TotalProcessorTime : TimeSpan.Zero;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(DevAccount);

    public string ConnectionStringFor(string account) =>
        $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{account};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{account};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{account};";

    /// <summary>
    /// Starts Azurite, or reuses the one already running on <paramref name="location"/>. <paramref name="location"/>
    /// null: a temporary folder, deleted on dispose.
    /// </summary>
    public static async Task<Azurite> StartAsync(string? location = null, IReadOnlyList<string>? extraAccounts = null, ILogger? logger = null, CancellationToken cancellationToken = default, bool inMemory = false)
    {
        logger ??= NullLogger.Instance;
        var script = FindAzuriteScript();
        var deleteLocation = location is null;
        location ??= Path.Combine(Path.GetTempPath(), "receivables-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        location = Path.GetFullPath(location);
        Directory.CreateDirectory(location);

        // One start at a time per folder (two commands started together must not start two emulators).
        using var guard = await GuardAsync(location, cancellationToken);
        if (await RunningAsync(location, logger) is { } running)
        {
            return running;
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var args = new List<string>
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (inMemory)
        {
            // Nothing on disk: no re-saving of the whole table database every 5 seconds (the benches compare both).
            // Azurite refuses --location with it; the folder still holds the log and the start guard.
            var at = args.IndexOf("--location");
            args.RemoveRange(at, 2);
            args.Add("--inMemoryPersistence");
        }

        var log = Path.Combine(location, LogFile);
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo("node") { UseShellExecute = false };
            args.ForEach(start.ArgumentList.Add);
        }
        else
        {
            // Output to a file: an emulator that outlives a killed owner must not write into a pipe nobody reads.
            start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            foreach (var arg in new[] { "-c", "exec node \"$@\" >>\"$0\" 2>&1", log }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }
        }

        if (inMemory && !(Environment.GetEnvironmentVariable("NODE_OPTIONS") ?? "").Contains("--max-old-space-size", StringComparison.Ordinal))
        {
            // Everything lives in Node's heap (4 GB by default): a bench of a million debtors' cases ran out of it at 4
            // million entities and the emulator died. Half the machine's memory, at least the default.
            var half = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2 / (1024 * 1024);
            start.Environment["NODE_OPTIONS"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--max-old-space-size={Math.Max(4096, half)}");
        }

        if (extraAccounts is { Count: > 0 })
        {
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(";", new[] { DevAccount }.Concat(extraAccounts).Select(a => $"{a}:{DevKey}"));
        }

        var process = Process.Start(start) ?? throw new ReceivablesException("Could not start node to run Azurite.");
        var azurite = new Azurite(process, location, deleteLocation, owned: true, blob, queue, table);

        // Recorded at once: a run killed while the emulator starts must not leave one that the next run cannot find.
        await WriteLockAsync(location, new EmulatorLock(process.Id, Environment.ProcessId, OwnerStart(), blob, queue, table));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await AnswersAsync(blob, queue, table))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                var text = File.Exists(log) ? await File.ReadAllTextAsync(log, CancellationToken.None) : "";
                throw new ReceivablesException($"Azurite did not start (script {script}, data {location}). Output:\n{text}");
            }

            await Task.Delay(100, cancellationToken);
        }

        logger.LogInformation("Azurite started on 127.0.0.1 ports {BlobPort}/{QueuePort}/{TablePort}, data in {Location}", blob, queue, table, location);
        return azurite;
    }

    /// <summary>What the lock file says: the emulator, its owner (process id and start time) and its ports.</summary>
    public sealed record EmulatorLock(int Pid, int Owner, DateTime? OwnerStarted, int Blob, int Queue, int Table);

    /// <summary>The emulator recorded for <paramref name="location"/>: reused when it answers, stopped when it does not.</summary>
    private static async Task<Azurite?> RunningAsync(string location, ILogger logger)
    {
        var path = Path.Combine(location, LockFile);
        EmulatorLock? found;
        try
        {
            found = File.Exists(path) ? System.Text.Json.JsonSerializer.Deserialize<EmulatorLock>(await File.ReadAllTextAsync(path)) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            found = null;
        }

        if (found is null || !IsAlive(found.Pid) || !IsEmulatorOf(found.Pid, location))
        {
            File.Delete(path);
            return null;
        }

        var emulator = Process.GetProcessById(found.Pid);
        var answers = await AnswersAsync(found.Blob, found.Queue, found.Table);
        for (var wait = 0; !answers && wait < 150 && IsAlive(found.Pid); wait++)
        {
            // Still starting (its starter may have been killed meanwhile): give it the time a start takes.
            await Task.Delay(100);
            answers = await AnswersAsync(found.Blob, found.Queue, found.Table);
        }

        if (!answers)
        {
            logger.LogWarning("Azurite {Pid} on {Location} does not answer; stopping it and starting another", found.Pid, location);
            await StopAsync(found.Pid);
            emulator.Dispose();
            File.Delete(path);
            return null;
        }

        // Its owner still runs (serve, another command, this process): share it. Its owner is gone: take it over.
        var shared = found.Owner == Environment.ProcessId || OwnerRuns(found.Owner, found.OwnerStarted);
        if (!shared)
        {
            await WriteLockAsync(location, found with { Owner = Environment.ProcessId, OwnerStarted = OwnerStart() });
            logger.LogInformation("Reusing Azurite {Pid} on {Location}, left running by process {Owner} that is gone", found.Pid, location, found.Owner);
        }

        return new Azurite(emulator, location, deleteLocation: false, owned: !shared, found.Blob, found.Queue, found.Table);
    }

    private static async Task WriteLockAsync(string location, EmulatorLock value)
    {
        var path = Path.Combine(location, LockFile);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        await File.WriteAllTextAsync(temp, System.Text.Json.JsonSerializer.Serialize(value));
        File.Move(temp, path, overwrite: true);
    }

    private static async Task<FileStream> GuardAsync(string location, CancellationToken cancellationToken)
    {
        var path = Path.Combine(location, LockFile + ".guard");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static DateTime? OwnerStart()
    {
        using var self = Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    }

    private static bool OwnerRuns(int pid, DateTime? started)
    {
        if (!IsAlive(pid))
        {
            return false;
        }

        try
        {
            using var owner = Process.GetProcessById(pid);
            return started is null || Math.Abs((owner.StartTime.ToUniversalTime() - started.Value).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>On Linux, whether the process's command line is Azurite on this folder (a recycled process id is not).</summary>
    private static bool IsEmulatorOf(int pid, string location)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        if (!File.Exists(cmdline))
        {
            return !OperatingSystem.IsLinux();
        }

        var args = File.ReadAllText(cmdline).Split('\0');
        return args.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)) && args.Contains(location);
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        // Signal 0 checks existence; a zombie (exited, not yet reaped) counts as gone.
        return Terminate(pid, 0) == 0 && !IsZombie(pid);
    }

    private static bool IsZombie(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.Exists(stat) ? File.ReadAllText(stat) : "";
            var close = text.LastIndexOf(')');
            return close > 0 && close + 2 < text.Length && text[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM (Azurite then saves its databases), then a kill after 5 seconds.</summary>
    private static async Task StopAsync(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            using var p = Process.GetProcessById(pid);
            p.Kill(entireProcessTree: true);
            return;
        }

        Terminate(pid, 15);
        for (var i = 0; i < 50 && IsAlive(pid); i++)
        {
            await Task.Delay(100);
        }

        if (IsAlive(pid))
        {
            Terminate(pid, 9);
            for (var i = 0; i < 50 && IsAlive(pid); i++)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<bool> AnswersAsync(int blob, int queue, int table) =>
        await IsListening(blob) && await IsListening(queue) && await IsListening(table);

    /// <summary>
    /// The Azurite entry script: <c>RECEIVABLES_AZURITE</c> if set, else <c>node_modules/azurite</c> in the nearest folder
    /// above the working directory or the program that has one (the repository root).
    /// </summary>
    public static string FindAzuriteScript()
    {
        var configured = Environment.GetEnvironmentVariable("RECEIVABLES_AZURITE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ReceivablesException(
            "Azurite is not installed: run 'npm ci' at the repository root (the ./receivables launcher does this), " +
            "or set RECEIVABLES_AZURITE to the path of azurite.js, or set 'ReceivablesStorage' to a running storage account.");
    }

    public async ValueTask DisposeAsync()
    {
        if (owned)
        {
            try
            {
                await StopAsync(process.Id);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }

            try
            {
                var path = Path.Combine(location, LockFile);
                if (File.Exists(path) && System.Text.Json.JsonSerializer.Deserialize<EmulatorLock>(await File.ReadAllTextAsync(path))?.Pid == process.Id)
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
            {
                // The next start checks the process anyway.
            }
        }

        process.Dispose();
        if (deleteLocation)
        {
            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned by the OS.
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
