using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Receivables.Dunning;
using Receivables.Dunning.Storage;

namespace Receivables.Hosting;

public static class DunningRegistration
{
    /// <summary>Registers the Dunning feature (options, handlers, stores).</summary>
    public static IServiceCollection AddDunningFeature(this IServiceCollection services)
    {
        services.AddOptions<DunningOptions>()
            .BindConfiguration(DunningOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DunningOptions>, DunningDefaultsSetup>();
        services.AddSingleton<IValidateOptions<DunningOptions>, DunningOptionsValidator>();
        services.AddSingleton<DunningPolicies>();
        services.AddSingleton<CaseTables>();
        services.AddSingleton<ICaseStore, TableCaseStore>();
        services.AddSingleton<IOutboundStore, TableOutboundStore>();
        services.AddSingleton<ICycleProgressStore, TableCycleProgressStore>();
        services.AddSingleton<DunningPlanner>();
        services.AddSingleton<IDunningCycle>(sp => sp.GetRequiredService<DunningPlanner>());
        services.AddSingleton<DunningShardRunner>();
        services.AddSingleton<DunningCycle>();
        services.AddSingleton<DunningShardHandler>();
        services.AddSingleton<ICaseActions, CaseActions>();
        services.AddSingleton<IClaimStatements, ClaimStatements>();
        services.AddSingleton<DunningStatusReader>();
        services.TryAddSingleton<ISendStepHook, NoSendStepHook>();
        services.AddSingleton<SendReminderHandler>();
        services.AddSingleton<SendFailures>();
        services.AddSingleton<Receivables.Actions.ITaskOutcomeHandler>(sp => sp.GetRequiredService<SendFailures>());
        services.AddSingleton<Receivables.Status.IStatusContributor, DunningStatusContributor>();
        services.AddSingleton<Receivables.Status.IStatusContributor, RatesStatusContributor>();
        services.AddSingleton<IDunningStepObserver, MissingRateWarnings>();
        services.AddSingleton<IDunningStepObserver, CycleErrorTasks>();
        services.AddSingleton<Receivables.Actions.ITaskOutcomeHandler>(sp => new Receivables.Actions.RecordedOutcomes(
            CycleErrorTasks.Kind, CycleErrorTasks.Outcomes, sp.GetRequiredService<Receivables.Evidence.IEvidenceArchive>(), sp.GetRequiredService<Receivables.Common.BusinessClock>()));
        return services;
    }
}
