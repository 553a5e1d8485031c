using Azure;
using Receivables.Storage;

namespace Receivables.Email.Storage;

/// <summary>Uploaded templates as blobs of the <see cref="StorageNames.Containers.Templates"/> container; the version is the ETag.</summary>
public sealed class BlobTemplateStore(StorageClients storage) : ITemplateStore
{
    public async Task<string?> VersionOfAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await storage.Container(StorageNames.Containers.Templates).GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<UploadedTemplate?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Container(StorageNames.Containers.Templates).GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return new UploadedTemplate(content.Value.Content.ToString(), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
