using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Receivables.Hosting;
using Receivables.Storage;
using Receivables.Web;

namespace Receivables.Local.Hosting;

/// <summary>
/// The local host: the product's handlers on one machine. Reads <c>local.settings.json</c> (or the sample) the way
/// Functions Core Tools does ("Values", <c>__</c> as section separator), then environment variables, then overrides.
/// When the storage setting is <c>UseDevelopmentStorage=true</c> it starts its own Azurite with a persistent data folder.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    /// <summary>In the data folder while <c>serve</c> runs: its process id and Azurite's connection string.</summary>
    public const string RunningAzuriteFile = "azurite.running";

    private readonly Azurite? azurite;
    private readonly string? marker;

    private LocalHost(WebApplication app, Azurite? azurite, string dataPath, string? marker)
    {
        App = app;
        this.azurite = azurite;
        DataPath = dataPath;
        this.marker = marker;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string DataPath { get; }

    /// <summary><c>RECEIVABLES_DATA</c> (the launcher's <c>--data</c>), else <c>.receivables</c> under the home folder.</summary>
    public static string DefaultDataPath =>
        Environment.GetEnvironmentVariable("RECEIVABLES_DATA") is { Length: > 0 } data ? Path.GetFullPath(data, Home) : Path.Combine(Home, ".receivables");

    /// <summary>CPU time of the Azurite this host started (null when it uses another storage).</summary>
    public TimeSpan? StorageEmulatorCpu => azurite?.CpuTime;

    public static string Home =>
        Environment.GetEnvironmentVariable("RECEIVABLES_HOME") is { Length: > 0 } home ? home : Directory.GetCurrentDirectory();

    public static async Task<LocalHost> StartAsync(LocalHostSettings settings, CancellationToken cancellationToken = default)
    {
        var dataPath = Path.GetFullPath(settings.DataPath ?? DefaultDataPath);
        Directory.CreateDirectory(dataPath);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Home });
        builder.Configuration.Sources.Clear();
        if (settings.ReadLocalSettingsFile)
        {
            builder.Configuration.AddInMemoryCollection(LocalSettingsFile(Home));
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Receivables:Email:OutboxPath"] = Path.Combine(dataPath, "outbox"),
        }.Where(kv => string.IsNullOrEmpty(builder.Configuration[kv.Key])));
        builder.Configuration.AddInMemoryCollection(settings.Overrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        Azurite? azurite = null;
        var storage = settings.StorageConnectionString ?? builder.Configuration[StorageNames.Connection];
        var marker = Path.Combine(dataPath, RunningAzuriteFile);
        if (settings.StorageConnectionString is null && IsDevelopmentStorage(storage))
        {
            // A command run while `serve` is running on the same data folder uses serve's Azurite.
            if (RunningAzurite(marker) is { } running)
            {
                storage = running;
            }
            else
            {
                azurite = await Azurite.StartAsync(Path.Combine(dataPath, "azurite"), cancellationToken: cancellationToken, inMemory: settings.StorageInMemory);
                storage = azurite.ConnectionString;
                if (settings.Serve)
                {
                    await File.WriteAllTextAsync(marker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + storage, cancellationToken);
                }
            }
        }

        if (storage is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.Connection] = storage });
        }

        builder.Services.AddReceivables(builder.Configuration);
        builder.Services.AddLocalHostServices(builder.Configuration);
        if (settings.Serve)
        {
            builder.Services.AddLocalServe(builder.Configuration);
        }

        var web = settings.Serve || settings.Workspace;
        if (web)
        {
            builder.Services.AddLoopbackKestrel(builder.Configuration);
            builder.Services.AddWorkspace();
        }

        settings.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        if (web)
        {
            app.UseWorkspace();
            app.MapLocalEndpoints();
        }

        var host = new LocalHost(app, azurite, dataPath, azurite is not null && settings.Serve ? marker : null);
        try
        {
            await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
            if (web)
            {
                await app.StartAsync(cancellationToken);
            }
            else
            {
                ValidateOptions(host.Services);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Not started.
        }

        await App.DisposeAsync();
        if (marker is not null)
        {
            File.Delete(marker);
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The connection string of the Azurite a running <c>serve</c> started for this data folder, if it still runs.</summary>
    internal static string? RunningAzurite(string marker)
    {
        if (!File.Exists(marker))
        {
            return null;
        }

        var lines = File.ReadAllLines(marker);
        if (lines.Length < 2 || !int.TryParse(lines[0], out var pid))
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : lines[1];
        }
        catch (ArgumentException)
        {
            return null; // that serve is gone (killed without cleaning up)
        }
    }

    internal static bool IsDevelopmentStorage(string? value) =>
        value is null || string.Equals(value.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "Values" of local.settings.json, or of local.settings.sample.json when there is none.</summary>
    internal static Dictionary<string, string?> LocalSettingsFile(string home)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var file = new[] { "local.settings.json", "local.settings.sample.json" }
            .Select(name => Path.Combine(home, name))
            .FirstOrDefault(File.Exists);
        if (file is null)
        {
            return values;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var settings))
        {
            foreach (var property in settings.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        return values;
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        // Resolving an options value runs its validators, as ValidateOnStart does for a started host.
        _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Common.ReceivablesOptions>>().Value;
        _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Replies.RepliesOptions>>().Value;
        _ = Schedules.ParseDunning(services.GetRequiredService<IConfiguration>());
    }
}
