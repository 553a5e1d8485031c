using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Receivables.Common;

namespace Receivables.Email.SendGrid;

public static class SendGridRegistration
{
    /// <summary>
    /// Registers SendGrid options, <see cref="SendGridEmailSender"/> (as its concrete type: the Email feature picks the
    /// sender) with its HTTP client and retry rule (<see cref="SendGridRetry"/>), and the signed event webhook as
    /// <see cref="IEmailEventsWebhook"/>.
    /// </summary>
    public static IServiceCollection AddSendGridEmail(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SendGridEmailSender)))
        {
            // Registered already: a second retry handler on the same client would multiply the tries.
            return services;
        }

        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .AddResilienceHandler("sendgrid-retry", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value;
                if (settings.MaxRetries > 0)
                {
                    pipeline.AddRetry(SendGridRetry.Strategy(
                        settings,
                        context.ServiceProvider.GetRequiredService<TimeProvider>(),
                        context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SendGridRetry).FullName!)));
                }
            });
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailEventsWebhook, SendGridEventsWebhook>();
        return services;
    }
}
