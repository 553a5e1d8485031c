using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Common;
using Receivables.Ledger;
using Receivables.Replies;
using Receivables.Replies.OpenAI;

namespace Receivables.Hosting;

public static class RepliesRegistration
{
    /// <summary>Registers the Replies feature (options, handlers, stores).</summary>
    public static IServiceCollection AddRepliesFeature(this IServiceCollection services)
    {
        services.AddOptions<RepliesOptions>()
            .BindConfiguration(RepliesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<RepliesOptions>, RepliesSecretValidation>();
        services.AddSingleton<IReplyStore, Replies.Storage.TableReplyStore>();
        services.AddSingleton<ReplyTasks>();
        services.AddSingleton<ReplyIntake>();
        services.AddSingleton<ReplyMail>();
        services.AddSingleton<IInboundEmailWebhook, InboundEmailWebhook>();
        services.AddOptions<OpenAIOptions>()
            .BindConfiguration(OpenAIOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Endpoint) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _),
                "Receivables:OpenAI:Endpoint must be an absolute URL such as https://my-resource.openai.azure.com/ (or empty to use the rules only).")
            .ValidateOnStart();
        services.TryAddSingleton<IReplyClassifier, ConfiguredReplyClassifier>();
        services.AddSingleton<ReplyActions>();
        services.AddSingleton<ReplyProcessor>();
        services.AddSingleton<AlreadyPaidCheck>();
        services.AddSingleton<ILedgerObserver>(sp => sp.GetRequiredService<AlreadyPaidCheck>());
        services.AddSingleton<IOpenItemsObserver>(sp => sp.GetRequiredService<AlreadyPaidCheck>());

        // The plans feature replaces this with proposal drafting (registered after us).
        return services;
    }
}
