using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Receivables.Hosting;
using Receivables.Storage;

namespace Receivables.Tests.Infrastructure;

/// <summary>A host built the way the apps build it (<see cref="ServiceCollectionExtensions.AddReceivables"/>), not started: for settings tests.</summary>
public static class SettingsHost
{
    /// <summary>Exactly <paramref name="settings"/>, nothing else.</summary>
    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddReceivables(builder.Configuration);
        return builder.Build();
    }

    /// <summary>The tests' defaults and the emulator's connection, with <paramref name="settings"/> over them.</summary>
    public static IHost WithDefaults(IDictionary<string, string?> settings) =>
        Build(new Dictionary<string, string?>(TestSettings.Defaults) { [StorageNames.Connection] = "UseDevelopmentStorage=true" }.Concat(settings)
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase));
}
