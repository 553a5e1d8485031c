using Microsoft.Extensions.DependencyInjection;
using Receivables.Actions;
using Receivables.Dunning;
using Receivables.SetOff;

namespace Receivables.Hosting;

public static class SetOffRegistration
{
    /// <summary>Registers set-off (motregning): proposals after each cycle from the payables file, approval and the declaration.</summary>
    public static IServiceCollection AddSetOffFeature(this IServiceCollection services)
    {
        services.AddSingleton<ISetOffStore, SetOff.Storage.TableSetOffStore>();
        services.AddSingleton<SetOffs>();
        services.AddSingleton<IDunningStepObserver>(sp => sp.GetRequiredService<SetOffs>());
        services.AddSingleton<ITaskOutcomeHandler>(sp => sp.GetRequiredService<SetOffs>());
        return services;
    }
}
