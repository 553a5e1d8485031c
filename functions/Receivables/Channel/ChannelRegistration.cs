using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Channel;
using Receivables.Dunning;

namespace Receivables.Hosting;

public static class ChannelRegistration
{
    /// <summary>The channel rule for formal notices (inkassoloven § 3a): confirmed addresses, posting, the posted outcome.</summary>
    public static IServiceCollection AddChannelFeature(this IServiceCollection services)
    {
        services.AddOptions<ChannelOptions>()
            .BindConfiguration(ChannelOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelOptions>, ChannelOptionsValidator>();
        services.AddSingleton<ContactHours>();
        services.AddSingleton<EmailConfirmation>();
        services.AddSingleton<ISentReminderObserver, PostalNotices>();
        services.AddSingleton<ITaskOutcomeHandler, PostedOutcomes>();
        return services;
    }
}
