using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Status;

namespace Receivables.Hosting;

public static class StatusRegistration
{
    /// <summary>Registers the status overview; features register their own <see cref="IStatusContributor"/>.</summary>
    public static IServiceCollection AddStatusFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<StatusService>();
        return services;
    }
}
