using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Receivables.Tests.Replies.Hostile;

/// <summary>
/// Walks the hostile inbound corpus (<c>inbound-posts.json</c> beside this file): every post gets the status its entry
/// names; a refused post stores and queues nothing; an accepted one is processed with the outcome named (an injection
/// changes nothing, a smuggled header reaches no letter). The figures in docs/replies.md come from this walk.
/// </summary>
public sealed class InboundHostileCorpusTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(RepoFiles.Root, "tests", "Receivables.Tests", "Replies", "Hostile");

    private sealed record Post(string Name, string Body, string Secret, int Status, string? Reason, string? Then, string? ContentType, string? ContentLength, double? Truncate, int? TruncateBytes, int? Letters);

    [Fact]
    public async Task Every_hostile_inbound_post_gets_its_expected_outcome_and_a_refused_one_stores_nothing()
    {
        var posts = Load();
        var world = new ReplyWorld();
        world.Cases.Add("D1", "ola@debtor.example", "tok1");
        world.Ledger.Set("D1", "ola@debtor.example", ("10234", 4500m), ("10240", 1200m));
        var settings = new Dictionary<string, string?>(TestData.Settings) { ["Receivables:Replies:AcknowledgeAtMostEvery"] = "00:00:00" };
        await using var host = await TestHost.StartHostAsync(settings, world.Register, TestHost.ClockAt("2026-11-23T08:30:00Z"));
        var hook = host.Get<IInboundEmailWebhook>();
        var failures = new List<string>();
        var byStatus = new SortedDictionary<int, int>();

        foreach (var post in posts)
        {
            var before = await StateAsync(host);
            var calls = world.Cases.Calls.Count;
            var letters = world.Sender.Sent.Keys.ToHashSet(StringComparer.Ordinal);
            var response = await hook.HandleAsync(Request(post));
            byStatus[response.StatusCode] = byStatus.GetValueOrDefault(response.StatusCode) + 1;
            void Fail(string what) => failures.Add($"{post.Name}: {what}");

            if (response.StatusCode != post.Status)
            {
                Fail($"status {response.StatusCode} ({response.Body}), expected {post.Status}");
                continue;
            }

            if (post.Status != 200)
            {
                if (post.Reason is not null && !response.Body.Contains(post.Reason, StringComparison.Ordinal))
                {
                    Fail($"reason '{response.Body}' does not say '{post.Reason}'");
                }

                if (await StateAsync(host) != before)
                {
                    Fail("a refused post changed what is stored or queued");
                }

                continue;
            }

            await InboundPosts.ProcessAllAsync(host);
            var row = (await host.Get<StorageClients>().Table(StorageNames.Tables.Replies).GetEntityIfExistsAsync<TableEntity>("reply", response.Body)).Value;
            if (row is null || row.GetString("State") is "stored" or null)
            {
                Fail("accepted but not processed");
                continue;
            }

            var newLetters = world.Sender.Sent.Where(kv => !letters.Contains(kv.Key)).Select(kv => kv.Value).ToList();
            if (post.Letters is { } expected && newLetters.Count != expected)
            {
                Fail($"{newLetters.Count} letters, expected {expected}");
            }

            switch (post.Then)
            {
                case "unmatched":
                    if (row.GetString("MatchedBy") is not ("none" or "ambiguous"))
                    {
                        Fail($"matched by {row.GetString("MatchedBy")}, expected no case");
                    }

                    break;
                case "review-only":
                    if (!(row.GetString("Flags") ?? "").Contains("instruction-in-reply", StringComparison.Ordinal) || world.Cases.Calls.Count != calls || newLetters.Count > 0)
                    {
                        Fail($"flags '{row.GetString("Flags")}', {world.Cases.Calls.Count - calls} case changes, {newLetters.Count} letters: an instruction must change nothing");
                    }

                    break;
                case "nothing-changed":
                    if (world.Cases.Calls.Count != calls || newLetters.Count > 0)
                    {
                        Fail($"{world.Cases.Calls.Count - calls} case changes, {newLetters.Count} letters: expected none");
                    }

                    break;
                case "no-injected-header":
                    foreach (var letter in newLetters)
                    {
                        if (letter.Subject.IndexOfAny(['\r', '\n']) >= 0 || letter.ToAddress != "ola@debtor.example"
                            || (letter.Thread?.Subject ?? "").IndexOfAny(['\r', '\n']) >= 0)
                        {
                            Fail($"letter '{letter.Subject}' to '{letter.ToAddress}' carries what the debtor smuggled in");
                        }
                    }

                    break;
                case "processed":
                    break;
                default:
                    Fail($"unknown expectation '{post.Then}'");
                    break;
            }
        }

        var refused = posts.Count(p => p.Status != 200);
        output.WriteLine($"Inbound corpus: {posts.Count} posts tried, {refused} refused ({string.Join(", ", byStatus.Where(kv => kv.Key != 200).Select(kv => $"{kv.Value} × {kv.Key}"))}), {posts.Count - refused} accepted");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static List<Post> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "inbound-posts.json")));
        return document.RootElement.GetProperty("posts").EnumerateArray().Select(p => new Post(
            p.GetProperty("name").GetString()!,
            p.GetProperty("body").GetString()!,
            p.GetProperty("secret").GetString()!,
            p.GetProperty("status").GetInt32(),
            p.TryGetProperty("reason", out var reason) ? reason.GetString() : null,
            p.TryGetProperty("then", out var then) ? then.GetString() : null,
            p.TryGetProperty("contentType", out var type) ? type.GetString() : null,
            p.TryGetProperty("contentLength", out var length) ? length.GetString() : null,
            p.TryGetProperty("truncate", out var truncate) ? truncate.GetDouble() : null,
            p.TryGetProperty("truncateBytes", out var bytes) ? bytes.GetInt32() : null,
            p.TryGetProperty("letters", out var sent) ? sent.GetInt32() : null)).ToList();
    }

    private static WebhookRequest Request(Post post)
    {
        var body = post.Body switch
        {
            "generated:empty" => [],
            "generated:whitespace" => Encoding.ASCII.GetBytes("\r\n  \r\n"),
            "generated:json" => Encoding.UTF8.GetBytes("{\"from\":\"ola@debtor.example\",\"text\":\"hei\"}"),
            "generated:oversized" => Oversized(),
            var sample when sample.StartsWith("sample:", StringComparison.Ordinal) => InboundPosts.Sample(sample["sample:".Length..]),
            var file => File.ReadAllBytes(Path.Combine(Folder, "posts", file)),
        };
        if (post.Truncate is { } fraction)
        {
            body = body[..(int)(body.Length * fraction)];
        }

        if (post.TruncateBytes is { } cut)
        {
            body = body[..^cut];
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (post.ContentLength is { } declared)
        {
            headers["Content-Length"] = declared;
        }

        string? secret = post.Secret switch
        {
            "valid" => TestData.Secret,
            "upper" => TestData.Secret.ToUpperInvariant(),
            "wrong" => TestData.Secret[..^1] + "x",
            _ => null,
        };
        if (post.Secret == "basic-wrong")
        {
            headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sendgrid:wrong"));
        }

        return InboundPosts.Request(body, secret, post.ContentType ?? InboundPosts.SampleContentType, headers);
    }

    /// <summary>A well-formed post one byte over SendGrid's 20 MB (the default cap).</summary>
    private static byte[] Oversized()
    {
        var head = Encoding.ASCII.GetBytes("--xYzZY\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes("\r\n--xYzZY--\r\n");
        var body = new byte[(20 * 1024 * 1024) + 1];
        Array.Fill(body, (byte)'a');
        head.CopyTo(body, 0);
        tail.CopyTo(body, body.Length - tail.Length);
        return body;
    }

    private static async Task<(int Rows, int Blobs, int Queued)> StateAsync(LocalHost host)
    {
        var storage = host.Get<StorageClients>();
        var rows = 0;
        await foreach (var _ in storage.Table(StorageNames.Tables.Replies).QueryAsync<TableEntity>(filter: "PartitionKey eq 'reply'"))
        {
            rows++;
        }

        var blobs = 0;
        await foreach (var _ in storage.Container(StorageNames.Containers.Inbound).GetBlobsAsync())
        {
            blobs++;
        }

        var queued = (await storage.Queue(StorageNames.Queues.ProcessReply).PeekMessagesAsync(32)).Value.Length;
        return (rows, blobs, queued);
    }
}
