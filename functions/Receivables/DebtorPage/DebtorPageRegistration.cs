using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.DebtorPage;
using Receivables.DebtorPage.Storage;
using Receivables.Dunning;
using Receivables.Email;

namespace Receivables.Hosting;

public static class DebtorPageRegistration
{
    /// <summary>
    /// Registers the debtor's page (links, page, actions) and wraps the message renderer so that letters carry the
    /// link. Call after the Email feature.
    /// </summary>
    public static IServiceCollection AddDebtorPageFeature(this IServiceCollection services)
    {
        services.AddOptions<DebtorPageOptions>()
            .BindConfiguration(DebtorPageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || o.SigningKey.Length >= 32,
                "Receivables:DebtorPage:SigningKey must be at least 32 characters (or empty to turn the debtor page off).")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || (Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"),
                "Receivables:DebtorPage:BaseUrl must be an absolute http(s) address such as https://func-x.azurewebsites.net/api/debtor/ (or empty).")
            .ValidateOnStart();
        services.AddSingleton<IDebtorLinkStore, TableDebtorLinkStore>();
        services.AddSingleton<DebtorLinks>();
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<InvoiceCopies>();
        services.AddSingleton<InvoiceCopyAttachments>();
        services.AddSingleton<PageReader>();
        services.AddSingleton<DebtorPageActions>();
        services.AddSingleton<IDebtorPage, DebtorPageHandler>();

        services.TryAddSingleton<LiquidMessageRenderer>();
        services.Replace(ServiceDescriptor.Singleton<IMessageRenderer>(sp => new DebtorLinkRenderer(
            sp.GetRequiredService<LiquidMessageRenderer>(),
            sp.GetRequiredService<DebtorLinks>(),
            sp.GetRequiredService<ICaseStore>(),
            sp.GetRequiredService<BusinessClock>(),
            sp.GetRequiredService<ILogger<DebtorLinkRenderer>>())));
        return services;
    }
}
