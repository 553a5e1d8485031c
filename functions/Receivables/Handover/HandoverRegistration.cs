using Microsoft.Extensions.DependencyInjection;
using Receivables.Handover;

namespace Receivables.Hosting;

public static class HandoverRegistration
{
    /// <summary>Registers the collection hand-over export.</summary>
    public static IServiceCollection AddHandoverFeature(this IServiceCollection services)
    {
        services.AddSingleton<HandoverExporter>();
        return services;
    }
}
