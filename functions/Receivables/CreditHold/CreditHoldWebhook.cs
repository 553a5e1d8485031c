using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Receivables.CreditHold;

/// <summary>Posts a hold or lift signal to the ERP's webhook, signed with HMAC-SHA256 when a secret is configured.</summary>
public sealed class CreditHoldWebhook(IHttpClientFactory http, IOptions<CreditHoldOptions> options)
{
    public const string HttpClientName = "credit-hold";

    public bool Configured => options.Value.WebhookUrl.Length > 0;

    /// <summary>Throws <see cref="HttpRequestException"/> when the ERP refuses or cannot be reached.</summary>
    public async Task PostAsync(byte[] body, string signalId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Receivables-Signal-Id", signalId);
        if (o.WebhookSecret.Length > 0)
        {
            request.Headers.Add(o.SignatureHeader, Signature(o.WebhookSecret, body));
        }

        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>sha256=</c> + lower-case hex HMAC-SHA256 of the exact body bytes.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();
}
