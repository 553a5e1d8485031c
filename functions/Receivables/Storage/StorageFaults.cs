using Azure;

namespace Receivables.Storage;

/// <summary>Tells a passing storage fault (worth a retry of the whole unit of work) from a refusal of what was sent.</summary>
public static class StorageFaults
{
    /// <summary>Network errors, time-outs, throttling and server errors: retry later. A 400 or 413 is not: the request itself is refused.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or IOException => true,
        AggregateException a => a.InnerExceptions.Any(IsTransient),
        _ => error.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>The storage refused the request for what it holds (key or property too long, invalid value, body too large).</summary>
    public static bool IsRefused(RequestFailedException error) => error.Status is 400 or 413;
}
