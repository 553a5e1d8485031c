using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Receivables.Common;

namespace Receivables.Email.SendGrid;

public static class SendGridRegistration
{
    /// <summary>
    /// Registers SendGrid options, <see cref="SendGridEmailSender"/> (as its concrete type: the Email feature picks the
    /// sender) and the signed event webhook as <see cref="IEmailEventsWebhook"/>.
    /// </summary>
    public static IServiceCollection AddSendGridEmail(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddHttpClient(SendGridEmailSender.HttpClientName);
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailEventsWebhook, SendGridEventsWebhook>();
        return services;
    }
}
