using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;
using Receivables.Creditors;
using Receivables.Creditors.Storage;

namespace Receivables.Hosting;

public static class CreditorsRegistration
{
    /// <summary>Registers the creditor registry and the directory over it and app settings.</summary>
    public static IServiceCollection AddCreditorsFeature(this IServiceCollection services)
    {
        services.AddSingleton<ICreditorStore, TableCreditorStore>();
        services.AddSingleton<CreditorDirectory>();
        services.AddSingleton<ICreditorDirectory>(sp => sp.GetRequiredService<CreditorDirectory>());
        services.AddSingleton<CreditorRegistry>();
        return services;
    }
}
