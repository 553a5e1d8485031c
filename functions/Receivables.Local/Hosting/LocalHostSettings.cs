using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Receivables.Local.Hosting;

/// <summary>How to start the local host: which settings file, which overrides, whether to run the background services.</summary>
public sealed record LocalHostSettings
{
    /// <summary>Folder for the local host's own data (Azurite's files, the email outbox). Default: <c>.receivables</c> under RECEIVABLES_HOME or the working directory.</summary>
    public string? DataPath { get; init; }

    /// <summary>Settings that win over the file and the environment (tests, command-line options).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Run the queue consumers, the ledger watcher, the timer and the HTTP endpoint (the <c>serve</c> mode).</summary>
    public bool Serve { get; init; }

    /// <summary>Serve the workspace (and the webhooks) on 127.0.0.1 without the background services (tests, benches).</summary>
    public bool Workspace { get; init; }

    /// <summary>Replace registrations after <c>AddReceivables</c> (tests: a fake clock, a failing handler).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>A running Azurite to use instead of starting one (tests share one emulator).</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Starts Azurite with <c>--inMemoryPersistence</c> (benches: the emulator keeps nothing on disk).</summary>
    public bool StorageInMemory { get; init; }

    /// <summary>
    /// Whether <c>local.settings.json</c> (or the sample) under RECEIVABLES_HOME is read. Tests turn it off so that what
    /// they run on is only their own settings, the same under the launcher (which sets RECEIVABLES_HOME to the
    /// repository) as from a test runner.
    /// </summary>
    public bool ReadLocalSettingsFile { get; init; } = true;
}
