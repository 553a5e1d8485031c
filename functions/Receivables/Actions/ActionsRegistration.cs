using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Evidence;

namespace Receivables.Hosting;

public static class ActionsRegistration
{
    /// <summary>Registers the Actions feature (options, handlers, stores).</summary>
    public static IServiceCollection AddActionsFeature(this IServiceCollection services)
    {
        services.AddSingleton<Receivables.Status.IStatusContributor, TasksStatusContributor>();
        services.AddSingleton<TaskOutcomes>();
        services.AddSingleton<TaskFactsSource>();
        services.AddSingleton<MootTasks>();
        foreach (var (kind, outcomes) in RecordedOutcomes.Kinds)
        {
            services.AddSingleton<ITaskOutcomeHandler>(sp => new RecordedOutcomes(kind, outcomes, sp.GetRequiredService<IEvidenceArchive>(), sp.GetRequiredService<BusinessClock>()));
        }

        return services;
    }
}
