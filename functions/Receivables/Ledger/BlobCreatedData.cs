using System.Text.Json.Serialization;

namespace Receivables.Ledger;

public sealed record BlobCreatedData(
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("contentLength")] long ContentLength,
    [property: JsonPropertyName("blobType")] string BlobType,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("eTag")] string ETag);
