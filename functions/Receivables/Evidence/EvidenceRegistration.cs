using Microsoft.Extensions.DependencyInjection;
using Receivables.Evidence;

namespace Receivables.Hosting;

public static class EvidenceRegistration
{
    /// <summary>Registers the Evidence feature: the archive (append, read, verify) and the bundle exporter.</summary>
    public static IServiceCollection AddEvidenceFeature(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>()
            .BindConfiguration(EvidenceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Evidence.Storage.BlobEvidenceArchive>();
        services.AddSingleton<IEvidenceArchive>(sp => sp.GetRequiredService<Evidence.Storage.BlobEvidenceArchive>());
        services.AddSingleton<IEvidenceReader>(sp => sp.GetRequiredService<Evidence.Storage.BlobEvidenceArchive>());
        services.AddSingleton<EvidenceExporter>();
        return services;
    }
}
