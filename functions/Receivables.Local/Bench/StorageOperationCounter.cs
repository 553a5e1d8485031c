using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Receivables.Storage;

namespace Receivables.Local.Bench;

/// <summary>Counts the HTTP requests the storage clients make (one request = one storage operation, batches count once).</summary>
public sealed class StorageOperationCounter
{
    private long blobs;
    private long queues;
    private long tables;
    private long writes;
    private readonly ConcurrentDictionary<string, long> byKind = new(StringComparer.Ordinal);

    public long Blobs => Interlocked.Read(ref blobs);

    /// <summary>
    /// Time added to every request before it is sent (zero: none): the network round trip to a storage account, which
    /// a local emulator does not have. It is waiting, not work, so concurrent workers overlap it as they would on Azure.
    /// </summary>
    public TimeSpan RoundTrip { get; set; }

    public long Queues => Interlocked.Read(ref queues);

    public long Tables => Interlocked.Read(ref tables);

    public long Total => Blobs + Queues + Tables;

    /// <summary>
    /// Name the table of each entity-group transaction in <see cref="ByKind"/> ("table POST $batch Tasks"), read from
    /// its body (a transaction's address names no table). Costs a copy of each transaction's body: off unless asked.
    /// </summary>
    public bool NameBatchTables { get; set; }

    /// <summary>Requests that change something (any method but GET and HEAD).</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <summary>Requests per service, method and table/container ("table POST Payments"), for profiling.</summary>
    public IReadOnlyDictionary<string, long> ByKind => byKind.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public void Reset()
    {
        byKind.Clear();
        Interlocked.Exchange(ref blobs, 0);
        Interlocked.Exchange(ref queues, 0);
        Interlocked.Exchange(ref tables, 0);
        Interlocked.Exchange(ref writes, 0);
    }

    /// <summary>Storage clients for <paramref name="connectionString"/> that report every request to this counter.</summary>
    public StorageClients Clients(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref blobs), "blob", this), HttpPipelinePosition.PerRetry);
        blobOptions.AddPolicy(new Delaying(this), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref queues), "queue", this), HttpPipelinePosition.PerRetry);
        queueOptions.AddPolicy(new Delaying(this), HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new Counting(() => Interlocked.Increment(ref tables), "table", this), HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(new Delaying(this), HttpPipelinePosition.PerRetry);
        return new StorageClients(
            new BlobServiceClient(connectionString, blobOptions),
            new QueueServiceClient(connectionString, queueOptions),
            new TableServiceClient(connectionString, tableOptions));
    }

    /// <summary>Waits <see cref="RoundTrip"/> before each request goes out (no CPU: a timer).</summary>
    private sealed class Delaying(StorageOperationCounter owner) : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (owner.RoundTrip > TimeSpan.Zero)
            {
                await Task.Delay(owner.RoundTrip, message.CancellationToken);
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (owner.RoundTrip > TimeSpan.Zero)
            {
                Thread.Sleep(owner.RoundTrip);
            }

            ProcessNext(message, pipeline);
        }
    }

    private sealed class Counting(Func<long> count, string service, StorageOperationCounter owner) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            count();
            var target = Target(message.Request.Uri.Path);
            if (owner.NameBatchTables && target == "$batch" && BatchTable(message.Request.Content) is { } table)
            {
                target += " " + Kind(table);
            }

            owner.byKind.AddOrUpdate($"{service} {message.Request.Method} {target}", 1, (_, n) => n + 1);
            if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
            {
                Interlocked.Increment(ref owner.writes);
            }
        }

        /// <summary>The table, container or queue a request goes to (the segment after the account), without keys.</summary>
        private static string Target(string path)
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var target = segments.Length > 1 ? segments[1] : segments.Length == 1 ? segments[0] : "";
            var paren = target.IndexOf('(', StringComparison.Ordinal);
            target = paren < 0 ? target : target[..paren];

            return Kind(target);
        }

        /// <summary>Each creditor's case table counts as one kind (Cases&lt;creditor&gt;), as the other per-creditor work does.</summary>
        private static string Kind(string table) =>
            table.Length == 21 && table.StartsWith("Cases", StringComparison.Ordinal) && table[5..].All(char.IsAsciiHexDigitLower) ? "Cases<creditor>" : table;

        /// <summary>The table a transaction's first operation addresses ("POST http://host/account/Table HTTP/1.1" in its body).</summary>
        private static string? BatchTable(RequestContent? content)
        {
            if (content is null)
            {
                return null;
            }

            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            var match = System.Text.RegularExpressions.Regex.Match(
                System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)Math.Min(body.Length, 4096)),
                @"(?:POST|PUT|PATCH|MERGE|DELETE) https?://[^/\s]+/(?:[^/\s]+/)?([A-Za-z][A-Za-z0-9]*)[(\s?]");
            return match.Success ? match.Groups[1].Value : null;
        }
    }
}
