// Mirrors Microsoft.Azure.Functions.Worker.Http.HttpRequestData, HttpResponseData and HttpHeadersCollection
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker.Core/Http/HttpRequestData.cs, HttpResponseData.cs,
// HttpHeadersCollection.cs). Only the members the app uses.
using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

public abstract class HttpRequestData
{
    public HttpRequestData(FunctionContext functionContext) => throw null!;

    public abstract Stream Body { get; }

    public abstract HttpHeadersCollection Headers { get; }

    public abstract Uri Url { get; }

    public abstract string Method { get; }

    public abstract HttpResponseData CreateResponse();
}

public abstract class HttpResponseData
{
    public HttpResponseData(FunctionContext functionContext) => throw null!;

    public abstract HttpHeadersCollection Headers { get; set; }

    public abstract Stream Body { get; set; }
}

public sealed class HttpHeadersCollection : HttpHeaders
{
    public HttpHeadersCollection() => throw null!;
}
