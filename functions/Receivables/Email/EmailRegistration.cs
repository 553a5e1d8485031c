using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Receivables.Email;

namespace Receivables.Hosting;

public static class EmailRegistration
{
    /// <summary>Registers the renderer and the sender chosen by <c>Receivables:Email:Mode</c>.</summary>
    public static IServiceCollection AddEmailFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IMessageRenderer, LiquidMessageRenderer>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<OutboxEmailSender>());
        return services;
    }
}
