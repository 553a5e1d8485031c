using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Receivables.Functions.Hosting;

/// <summary>
/// Puts the identifiers of what an invocation works on (creditor, debtor, case, message key, reply, shard) into a
/// logging scope around it, so every log line of the invocation carries them; in Application Insights they are custom
/// dimensions to filter on. They come from the trigger's binding data: for a queue message with a JSON body the worker
/// exposes its top-level properties there (<c>SendReminderMessage</c>'s <c>CreditorId</c>, <c>DebtorId</c>, <c>Key</c>; a
/// shard's <c>CreditorId</c>, <c>Shard</c>, <c>Date</c>; a reply's <c>ReplyId</c>).
/// </summary>
public sealed class LogScopeMiddleware(ILogger<LogScopeMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>Binding-data names and the dimension each becomes.</summary>
    private static readonly (string Binding, string Dimension)[] Known =
    [
        ("CreditorId", "CreditorId"),
        ("DebtorId", "DebtorId"),
        ("CaseId", "CaseId"),
        ("Key", "MessageKey"),
        ("ReplyId", "ReplyId"),
        ("Shard", "Shard"),
        ("Date", "AsOf"),
        ("Id", "QueueMessageId"),
        ("DequeueCount", "DequeueCount"),
    ];

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        using (logger.BeginScope(ScopeOf(context.FunctionDefinition.Name, context.BindingContext.BindingData)))
        {
            await next(context);
        }
    }

    /// <summary>The scope's properties: the function's name and whichever known identifiers the binding data holds.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> ScopeOf(string function, IReadOnlyDictionary<string, object?> bindingData)
    {
        var scope = new List<KeyValuePair<string, object?>> { new("Function", function) };
        foreach (var (binding, dimension) in Known)
        {
            if (bindingData.TryGetValue(binding, out var value) && value is not null)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim('"');
                if (!string.IsNullOrEmpty(text))
                {
                    scope.Add(new(dimension, text));
                }
            }
        }

        return scope;
    }
}
