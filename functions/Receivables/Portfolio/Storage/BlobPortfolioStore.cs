using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Receivables.Storage;

namespace Receivables.Portfolio.Storage;

/// <summary>The index as gzip-compressed JSON in <c>workspace/&lt;creditorId&gt;/portfolio.json.gz</c>.</summary>
public sealed class BlobPortfolioStore(StorageClients storage) : IPortfolioStore
{
    private BlobContainerClient Container => storage.Container(StorageNames.Containers.Workspace);

    public async Task<StoredPortfolio?> GetAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await Blob(creditorId).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var gzip = new GZipStream(response.Value.Content, CompressionMode.Decompress);
            var index = await JsonSerializer.DeserializeAsync<PortfolioIndex>(gzip, Json.Options, cancellationToken);
            return index is null ? null : new StoredPortfolio(index, response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> GetVersionAsync(string creditorId, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await Blob(creditorId).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(PortfolioIndex index, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, index, Json.Options, cancellationToken);
        }

        buffer.Position = 0;
        await Blob(index.CreditorId).UploadAsync(buffer, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } }, cancellationToken);
    }

    private BlobClient Blob(string creditorId) => Container.GetBlobClient(creditorId + "/portfolio.json.gz");
}
