using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Escalation;

namespace Receivables.Hosting;

public static class EscalationRegistration
{
    /// <summary>Registers the escalation gate (recommendation at the manual stage) and the person's decision on it.</summary>
    public static IServiceCollection AddEscalationFeature(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>()
            .BindConfiguration(EscalationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LegalNotices>();
        services.AddSingleton<IEscalationAdvisor, EscalationAdvisor>();
        services.AddSingleton<ITaskOutcomeHandler, EscalationDecisions>();
        services.AddSingleton<Receivables.Dunning.IDunningStepObserver, EscalationHandOver>();
        return services;
    }
}
