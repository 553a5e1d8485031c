using Microsoft.Extensions.DependencyInjection;
using Receivables.CreditHold;
using Receivables.Dunning;
using Receivables.Ledger;

namespace Receivables.Hosting;

public static class CreditHoldRegistration
{
    /// <summary>Registers the credit hold: raised and lifted after each dunning decision, signalled on the queue and the ERP webhook.</summary>
    public static IServiceCollection AddCreditHoldFeature(this IServiceCollection services)
    {
        services.AddOptions<CreditHoldOptions>()
            .BindConfiguration(CreditHoldOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.WebhookUrl.Length == 0 || (Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
                "Receivables:CreditHold:WebhookUrl must be an absolute http(s) URL such as https://erp.example/hooks/credit-hold (or empty for the queue only).")
            .Validate(
                o => o.Stage.Length == 0 || o.Stage is CaseStages.Friendly or CaseStages.Reminder or CaseStages.CollectionNotice or CaseStages.Manual,
                "Receivables:CreditHold:Stage must be one of friendly-reminder, reminder, collection-notice, manual (or empty: by amount only).")
            .Validate(o => o.SignatureHeader.Length > 0, "Receivables:CreditHold:SignatureHeader must not be empty.")
            .ValidateOnStart();
        services.AddHttpClient(CreditHoldWebhook.HttpClientName);
        services.AddSingleton<ICreditHoldStore, Receivables.CreditHold.Storage.TableCreditHoldStore>();
        services.AddSingleton<CreditHoldWebhook>();
        services.AddSingleton<CreditHolds>();
        services.AddSingleton<IDunningStepObserver>(sp => sp.GetRequiredService<CreditHolds>());
        services.AddSingleton<IOpenItemsObserver>(sp => sp.GetRequiredService<CreditHolds>());
        services.AddSingleton<Status.IStatusContributor, LeversStatusContributor>();
        return services;
    }
}
