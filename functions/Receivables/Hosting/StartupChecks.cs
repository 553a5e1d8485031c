using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Receivables.Storage;

namespace Receivables.Hosting;

internal sealed class StartupChecks(IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = StorageClients.FromConfiguration(configuration);
        _ = Schedules.ParseDunning(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
