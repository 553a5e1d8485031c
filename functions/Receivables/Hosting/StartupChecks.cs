using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Messaging;
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
