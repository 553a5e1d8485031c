// Mirrors HttpRequestDataExtensions.CreateResponse, HttpResponseDataExtensions.WriteStringAsync and
// FunctionContextHttpRequestExtensions.GetHttpRequestDataAsync
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs,
// src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs,
// src/DotNetWorker.Core/Context/FunctionContextHttpRequestExtensions.cs).
using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker.Http;

namespace Microsoft.Azure.Functions.Worker.Http
{
    public static class HttpRequestDataExtensions
    {
        public static HttpResponseData CreateResponse(this HttpRequestData request, HttpStatusCode statusCode) => throw null!;
    }

    public static class HttpResponseDataExtensions
    {
        public static Task WriteStringAsync(this HttpResponseData response, string value, Encoding? encoding = null) => throw null!;
    }
}

namespace Microsoft.Azure.Functions.Worker
{
    public static class FunctionContextHttpRequestExtensions
    {
        public static ValueTask<HttpRequestData?> GetHttpRequestDataAsync(this FunctionContext context) => throw null!;
    }
}
