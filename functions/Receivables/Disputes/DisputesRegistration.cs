using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Disputes;
using Receivables.Dunning;

namespace Receivables.Hosting;

public static class DisputesRegistration
{
    /// <summary>Registers dispute resolution (review-dispute and book-credit-note outcomes) and the upkeep of moot tasks.</summary>
    public static IServiceCollection AddDisputesFeature(this IServiceCollection services)
    {
        services.AddSingleton<ITaskOutcomeHandler, DisputeResolutions>();
        services.AddSingleton<ITaskOutcomeHandler, CreditNoteOutcomes>();
        services.AddSingleton<IDunningStepObserver, LedgerTaskUpkeep>();
        return services;
    }
}
