using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Contact;
using Receivables.Dunning;

namespace Receivables.Hosting;

public static class ContactRegistration
{
    /// <summary>Registers personal contact: call tasks at configured ladder points, call outcomes and their written confirmation.</summary>
    public static IServiceCollection AddContactFeature(this IServiceCollection services)
    {
        services.AddOptions<ContactOptions>()
            .BindConfiguration(ContactOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IDunningStepBatchObserver, CallTasks>();
        services.AddSingleton<IDunningStepObserver, BrokenPromises>();
        services.AddSingleton<ITaskOutcomeHandler, CallOutcomeHandler>();
        return services;
    }
}
