using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Receivables.Email;
using Receivables.Email.SendGrid;
using Receivables.Email.Storage;

namespace Receivables.Hosting;

public static class EmailRegistration
{
    /// <summary>Registers the renderer and the sender chosen by <c>Receivables:Email:Mode</c>.</summary>
    public static IServiceCollection AddEmailFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<ITemplateStore, BlobTemplateStore>();
        services.AddSingleton<IMessageRenderer, LiquidMessageRenderer>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSendGridEmail();
        var mode = configuration.GetValue(EmailOptions.Section + ":Mode", EmailMode.Auto);
        var useSendGrid = mode == EmailMode.SendGrid
            || (mode == EmailMode.Auto && !string.IsNullOrWhiteSpace(configuration[EmailOptions.Section + ":SendGrid:ApiKey"]));
        services.AddSingleton<IEmailSender>(sp => useSendGrid
            ? sp.GetRequiredService<SendGridEmailSender>()
            : sp.GetRequiredService<OutboxEmailSender>());
        return services;
    }
}
