using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>What <c>GetHttpRequestDataAsync</c> finds for an invocation: the request, or null for a queue or timer invocation.</summary>
public sealed class TestHttpRequestDataFeature(HttpRequestData? request) : IHttpRequestDataFeature
{
    public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult(request);
}
