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
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's well-known development key (public, documented; not a secret).</summary>
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string DevAccount = "devstoreaccount1";

    private readonly Process process;
    private readonly string location;
    private readonly bool deleteLocation;

    private Azurite(Process process, string location, bool deleteLocation, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.location = location;
        this.deleteLocation = deleteLocation;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>CPU time the emulator's process has used so far (benches: where the time goes).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
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

    /// <summary>Starts Azurite. <paramref name="location"/> null: a temporary folder, deleted on dispose.</summary>
    public static async Task<Azurite> StartAsync(string? location = null, IReadOnlyList<string>? extraAccounts = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var script = FindAzuriteScript();
        var deleteLocation = location is null;
        location ??= Path.Combine(Path.GetTempPath(), "receivables-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(location);

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (extraAccounts is { Count: > 0 })
        {
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(";", new[] { DevAccount }.Concat(extraAccounts).Select(a => $"{a}:{DevKey}"));
        }

        var process = Process.Start(start) ?? throw new ReceivablesException("Could not start node to run Azurite.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new Azurite(process, location, deleteLocation, blob, queue, table);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await IsListening(blob) && await IsListening(queue) && await IsListening(table)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                string text;
                lock (output) { text = output.ToString(); }
                throw new ReceivablesException($"Azurite did not start (script {script}, data {location}). Output:\n{text}");
            }

            await Task.Delay(100, cancellationToken);
        }

        logger.LogInformation("Azurite started on 127.0.0.1 ports {BlobPort}/{QueuePort}/{TablePort}, data in {Location}", blob, queue, table, location);
        return azurite;
    }

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
        try
        {
            // SIGTERM first: Azurite then saves its table and metadata databases (a kill loses recent writes).
            if (!process.HasExited && !OperatingSystem.IsWindows() && Terminate(process.Id, 15) == 0)
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
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
