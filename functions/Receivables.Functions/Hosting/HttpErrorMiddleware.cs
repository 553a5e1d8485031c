using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Receivables.Common;

namespace Receivables.Functions.Hosting;

/// <summary>
/// Catches what escapes an HTTP function: a <see cref="ReceivablesException"/> (bad input a caller can fix) becomes
/// 400 with its message, anything else is logged and becomes 500 without details. Queue and timer failures are
/// rethrown untouched so the runtime retries them and, for queues, moves the message to the poison queue after the last try.
/// </summary>
public sealed class HttpErrorMiddleware(ILogger<HttpErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            var request = await context.GetHttpRequestDataAsync();
            if (request is null)
            {
                throw;
            }

            context.GetInvocationResult().Value = await RespondAsync(request, exception, context.FunctionDefinition.Name, context.InvocationId);
        }
    }

    /// <summary>The response an HTTP caller gets for an exception that escaped function <paramref name="function"/>.</summary>
    public async Task<HttpResponseData> RespondAsync(HttpRequestData request, Exception exception, string function, string invocationId)
    {
        HttpResponseData response;
        if ((exception as ReceivablesException ?? exception.InnerException as ReceivablesException) is { } rejected)
        {
            logger.LogWarning("Function {Function} rejected the request (invocation {InvocationId}): {Reason}", function, invocationId, rejected.Message);
            response = request.CreateResponse(HttpStatusCode.BadRequest);
            await response.WriteStringAsync(rejected.Message);
        }
        else
        {
            logger.LogError(exception, "Function {Function} failed (invocation {InvocationId})", function, invocationId);
            response = request.CreateResponse(HttpStatusCode.InternalServerError);
            await response.WriteStringAsync("internal error; invocation " + invocationId);
        }

        return response;
    }
}
