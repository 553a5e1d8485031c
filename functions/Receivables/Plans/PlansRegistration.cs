using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Status;

namespace Receivables.Hosting;

public static class PlansRegistration
{
    /// <summary>
    /// Registers repayment plans: the policy, the plan store, the service that drafts, approves and accepts plans (the
    /// <see cref="IArrangementRequests"/> replies and the escalation gate call, replacing the replies' task-only
    /// fallback), the ledger monitor, the approve-plan task outcomes and the status section.
    /// </summary>
    public static IServiceCollection AddPlansFeature(this IServiceCollection services)
    {
        services.AddOptions<PlanPolicy>()
            .BindConfiguration(PlanPolicy.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPlanStore, Plans.Storage.TablePlanStore>();
        services.AddSingleton<IPlanWording, Plans.OpenAI.ModelPlanWording>();
        services.AddSingleton<PlanLetters>();
        services.AddSingleton<PlanApproval>();
        services.AddSingleton<PlanAdjusting>();
        services.AddSingleton<PlanDrafting>();
        services.AddSingleton<PlanAcceptance>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<IArrangementRequests>(sp => sp.GetRequiredService<PlanService>());
        services.AddSingleton<IPlanFacts, PlanFactsReader>();
        services.AddSingleton<PlanMonitor>();
        services.AddSingleton<ILedgerObserver>(sp => sp.GetRequiredService<PlanMonitor>());
        services.AddSingleton<IOpenItemsObserver>(sp => sp.GetRequiredService<PlanMonitor>());
        services.AddSingleton<ITaskOutcomeHandler, PlanApprovalOutcomes>();
        services.AddSingleton<ITaskOutcomeHandler, PlanSecurityOutcomes>();
        services.AddSingleton<Payments.IPaymentReferences, PlanPaymentReferences>();
        services.AddSingleton<IStatusContributor, PlansStatusContributor>();
        return services;
    }
}
