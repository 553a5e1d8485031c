using System.Text.Json;
using System.Text.Json.Serialization;

namespace Receivables.Ledger;

/// <summary>
/// The Event Grid <c>Microsoft.Storage.BlobCreated</c> event (Event Grid schema) as it lands on the
/// <see cref="Storage.StorageNames.Queues.LedgerUploaded"/> queue. The local watcher writes the same shape.
/// </summary>
public sealed record BlobCreatedEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("eventTime")] DateTimeOffset EventTime,
    [property: JsonPropertyName("data")] BlobCreatedData Data,
    [property: JsonPropertyName("dataVersion")] string DataVersion = "",
    [property: JsonPropertyName("metadataVersion")] string MetadataVersion = "1")
{
    public const string Type = "Microsoft.Storage.BlobCreated";

    /// <summary>Container and blob name from the subject <c>/blobServices/default/containers/{c}/blobs/{name}</c>.</summary>
    public (string Container, string BlobName) Blob
    {
        get
        {
            const string marker = "/containers/";
            var start = Subject.IndexOf(marker, StringComparison.Ordinal);
            var rest = start < 0 ? throw new FormatException($"Not a blob subject: '{Subject}'.") : Subject[(start + marker.Length)..];
            var split = rest.IndexOf("/blobs/", StringComparison.Ordinal);
            return split < 0 ? throw new FormatException($"Not a blob subject: '{Subject}'.") : (rest[..split], rest[(split + "/blobs/".Length)..]);
        }
    }

    public static BlobCreatedEvent Parse(string body)
    {
        var trimmed = body.TrimStart();
        // Event Grid may deliver an array of events; a queue message carries one.
        if (trimmed.StartsWith('['))
        {
            return JsonSerializer.Deserialize<BlobCreatedEvent[]>(body)?.SingleOrDefault() ?? throw new FormatException("Empty event array.");
        }

        return JsonSerializer.Deserialize<BlobCreatedEvent>(body) ?? throw new FormatException("Empty event.");
    }

    public static BlobCreatedEvent For(Uri blobUri, string container, string blobName, string eTag, long contentLength, string? contentType, DateTimeOffset time) => new(
        Guid.NewGuid().ToString(),
        null,
        $"/blobServices/default/containers/{container}/blobs/{blobName}",
        Type,
        time,
        new BlobCreatedData("PutBlob", contentType ?? "application/octet-stream", contentLength, "BlockBlob", blobUri.ToString(), eTag));
}
