using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Receivables.Functions.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Functions;

/// <summary>
/// The worker's host built exactly as <c>Program.cs</c> builds it (<c>FunctionsApplication.CreateBuilder</c> +
/// <c>AddReceivablesFunctionsApp</c>), on a fresh Azurite account, but not run: there is no Functions host to talk to.
/// </summary>
public static class FunctionsWorker
{
    public static async Task<IHost> BuildAsync(IDictionary<string, string?>? settings = null)
    {
        var connection = await TestHost.NewAccountAsync();
        var builder = FunctionsApplication.CreateBuilder([]);
        var values = new Dictionary<string, string?>(TestSettings.Defaults) { [StorageNames.Connection] = connection };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddReceivablesFunctionsApp();
        var host = builder.Build();
        await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync();
        return host;
    }

    /// <summary>Creates a function class the way the worker does for each invocation: in a scope, with its constructor's services.</summary>
    public static T Activate<T>(this IServiceScope scope) => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider);
}
