using Microsoft.Extensions.DependencyInjection;

namespace Receivables.Messaging;

public static class MessagingRegistration
{
    /// <summary>The case messenger every feature writes to a debtor with.</summary>
    public static IServiceCollection AddMessagingFeature(this IServiceCollection services)
    {
        services.AddSingleton<CaseDocuments>();
        services.AddSingleton<CaseMessenger>();
        services.AddSingleton<IHeldMessageStore, Storage.BlobHeldMessageStore>();
        services.AddSingleton<HeldRelease>();
        return services;
    }
}
