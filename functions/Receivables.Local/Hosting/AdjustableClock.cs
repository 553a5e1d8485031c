namespace Receivables.Local.Hosting;

/// <summary>
/// A clock the demo (and <c>--as-of</c> replays) can move forward, so weeks of dunning run in seconds. The product
/// only ever reads time through <see cref="TimeProvider"/>, so nothing else changes.
/// </summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void SetUtcNow(DateTimeOffset value)
    {
        if (value < now)
        {
            throw new InvalidOperationException($"Time moves forward only ({now:O} -> {value:O}).");
        }

        now = value;
    }
}
