using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class ActionsRegistration
{
    /// <summary>Registers the Actions feature (options, handlers, stores).</summary>
    public static IServiceCollection AddActionsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<Receivables.Status.IStatusContributor, Receivables.Actions.TasksStatusContributor>();
        services.AddSingleton<Receivables.Actions.TaskOutcomes>();
        return services;
    }
}
