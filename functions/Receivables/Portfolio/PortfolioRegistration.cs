using Microsoft.Extensions.DependencyInjection;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Portfolio;
using Receivables.Portfolio.Storage;

namespace Receivables.Hosting;

public static class PortfolioRegistration
{
    /// <summary>The per-creditor index the workspace reads, maintained by ledger and dunning observers.</summary>
    public static IServiceCollection AddPortfolioFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPortfolioStore, BlobPortfolioStore>();
        services.AddSingleton<PortfolioMaintainer>();
        services.AddSingleton<ILedgerObserver>(sp => sp.GetRequiredService<PortfolioMaintainer>());
        services.AddSingleton<IDunningStepObserver>(sp => sp.GetRequiredService<PortfolioMaintainer>());
        services.AddSingleton<PortfolioReader>();
        return services;
    }
}
