using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Receivables.Storage;

namespace Receivables.Messaging.Storage;

/// <summary>
/// Held messages as JSON blobs in the outbox container, named <c>held/{until UTC}/{id}.json</c>: a listing is in
/// time order, so the due ones are read without reading the rest.
/// </summary>
public sealed class BlobHeldMessageStore(StorageClients storage) : IHeldMessageStore
{
    private const string Prefix = "held/";

    public async Task PutAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        await Container.GetBlobClient(NameOf(message))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(message, Json.Options)), overwrite: true, cancellationToken);
    }

    public async IAsyncEnumerable<HeldMessage> DueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var due = Slot(now);
        await foreach (var item in Blobs(cancellationToken))
        {
            var slot = item.Split('/')[1];
            if (string.CompareOrdinal(slot, due) > 0)
            {
                yield break;
            }

            BinaryData content;
            try
            {
                content = (await Container.GetBlobClient(item).DownloadContentAsync(cancellationToken)).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                continue;
            }

            yield return content.ToObjectFromJson<HeldMessage>(Json.Options)!;
        }
    }

    public async Task RemoveAsync(HeldMessage message, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(NameOf(message)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Blobs(cancellationToken))
        {
            count++;
        }

        return count;
    }

    private Azure.Storage.Blobs.BlobContainerClient Container => storage.Container(StorageNames.Containers.Outbox);

    private async IAsyncEnumerable<string> Blobs([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            yield return blob.Name;
        }
    }

    private static string NameOf(HeldMessage message) => Prefix + Slot(message.Until) + "/" + message.Id + ".json";

    private static string Slot(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
