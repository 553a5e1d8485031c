using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Receivables.Email.SendGrid;

/// <summary>
/// SendGrid's retry rule on the <c>sendgrid</c> HTTP client (Microsoft.Extensions.Http.Resilience): 429, 5xx and
/// network failures are tried again, up to <see cref="SendGridOptions.MaxRetries"/> times, waiting
/// <see cref="SendGridOptions.InitialBackoff"/> doubled per retry, or as long as SendGrid's <c>Retry-After</c> asks (at
/// most <see cref="SendGridOptions.MaxRetryAfter"/>). Other answers (400, 401, 403, 413) are final at once.
/// </summary>
public static class SendGridRetry
{
    /// <summary>Whether an answer is worth another try.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static HttpRetryStrategyOptions Strategy(SendGridOptions settings, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = settings.MaxRetries,
        Delay = settings.InitialBackoff,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = false,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Result: { } response } => IsRetryable(response.StatusCode),
            _ => false,
        }),
        DelayGenerator = args => ValueTask.FromResult(AskedDelay(args.Outcome.Result?.Headers.RetryAfter, settings.MaxRetryAfter, time.GetUtcNow())),
        OnRetry = args =>
        {
            logger.LogWarning(
                "SendGrid answered {Status}; retry {Retry} of {MaxRetries} in {WaitMs} ms",
                args.Outcome.Result is { } response ? (int)response.StatusCode : args.Outcome.Exception?.GetType().Name,
                args.AttemptNumber + 1,
                settings.MaxRetries,
                (long)args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for (seconds or a date), between zero and <paramref name="max"/>; null
    /// when there is none, so the exponential backoff applies.
    /// </summary>
    public static TimeSpan? AskedDelay(RetryConditionHeaderValue? retryAfter, TimeSpan max, DateTimeOffset now)
    {
        TimeSpan? asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        return asked is not { } delay ? null : delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }
}
