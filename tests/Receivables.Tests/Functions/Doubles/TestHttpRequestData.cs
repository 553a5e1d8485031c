using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>An HTTP request as the worker hands it to a function: method, URL, headers and body.</summary>
public sealed class TestHttpRequestData(FunctionContext context, string method, string url, byte[] body, string? contentType = null)
    : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream(body);

    public override HttpHeadersCollection Headers { get; } = contentType is null ? [] : new HttpHeadersCollection([new KeyValuePair<string, string>("Content-Type", contentType)]);

    public override IReadOnlyCollection<IHttpCookie> Cookies => [];

    public override Uri Url { get; } = new(url);

    public override IEnumerable<ClaimsIdentity> Identities => [];

    public override string Method { get; } = method;

    public static TestHttpRequestData Post(FunctionContext context, string url, string body, string? contentType = "application/json") =>
        new(context, "POST", url, Encoding.UTF8.GetBytes(body), contentType);

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);
}
