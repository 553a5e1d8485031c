using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Receivables.Local.Bench;

/// <summary>
/// A stand-in for SendGrid's <c>POST /v3/mail/send</c> on a loopback port, for the crash bench: it answers 202 after
/// <paramref name="latency"/> and counts each message it accepted by its Message-ID header (the product derives it from
/// the message's idempotency key, so a second acceptance of one Message-ID is a duplicate email). A request whose
/// sender died before the answer (killed) is not accepted, as a real provider would not have answered it either. It
/// also answers the Email Activity API's <c>GET /v3/messages?query=unique_args['receivables_key']="…"</c> from what it
/// accepted, as SendGrid does once its feed shows a message, so a sender that crashed after a 202 can ask first.
/// </summary>
public sealed class FakeSendGrid(WebApplication app, TimeSpan latency) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byKey = new(StringComparer.Ordinal);
    private int lookups;
    private int total;
    private int inFlight;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Acceptances in all (duplicates included).</summary>
    public int Accepted => Volatile.Read(ref total);

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Email Activity lookups answered (one per send that found an unfinished try).</summary>
    public int Lookups => Volatile.Read(ref lookups);

    /// <summary>Distinct messages accepted.</summary>
    public int Messages => accepted.Count;

    /// <summary>Messages accepted more than once: each extra acceptance is a duplicate email.</summary>
    public int Duplicates => accepted.Values.Sum(n => n - 1);

    public static async Task<FakeSendGrid> StartAsync(TimeSpan latency, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSendGrid(app, latency);
        app.MapPost("/v3/mail/send", fake.SendAsync);
        app.MapGet("/v3/messages", fake.Activity);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return fake;
    }

    private async Task SendAsync(HttpContext context)
    {
        Interlocked.Increment(ref inFlight);
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var messageId = body.RootElement.GetProperty("headers").GetProperty("Message-ID").GetString() ?? "";
            var key = body.RootElement.TryGetProperty("custom_args", out var args) && args.TryGetProperty("receivables_key", out var k) ? k.GetString() : null;
            await Task.Delay(latency, context.RequestAborted);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            accepted.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            if (key is not null)
            {
                byKey[key] = messageId.Trim('<', '>');
            }

            Interlocked.Increment(ref total);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.Headers["X-Message-Id"] = messageId.Trim('<', '>');
        }
        catch (OperationCanceledException)
        {
            // The sender is gone (killed mid-request): nothing was accepted.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>The Email Activity API's filter by a custom arg: the messages accepted with that idempotency key.</summary>
    private IResult Activity(HttpContext context)
    {
        Interlocked.Increment(ref lookups);
        var query = context.Request.Query["query"].ToString();
        const string Prefix = "unique_args['receivables_key']=\"";
        var key = query.StartsWith(Prefix, StringComparison.Ordinal) && query.EndsWith('"') ? query[Prefix.Length..^1] : null;
        var messages = key is not null && byKey.TryGetValue(key, out var id)
            ? new[] { new { msg_id = id + ".filterdrecv-1", status = "delivered" } }
            : [];
        return Results.Json(new { messages });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
