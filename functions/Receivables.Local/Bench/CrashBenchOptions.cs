using Receivables.Local.Hosting;

namespace Receivables.Local.Bench;

/// <summary>What the crash bench is asked to do.</summary>
public sealed record CrashBenchOptions
{
    public int Kills { get; init; } = 30;

    public int Debtors { get; init; } = 300;

    /// <summary>Cycle dates, 15 days apart, so that debtors climb the ladder (friendly reminder, purring, inkassovarsel).</summary>
    public int Dates { get; init; } = 3;

    public int Seed { get; init; } = 2026;

    /// <summary>Whether the sender asks the (fake) Email Activity API before sending a message a killed run had tried.</summary>
    public bool ActivityLookup { get; init; } = true;

    /// <summary>The queue's visibility timeout in the CLI runs, and the cycle's <c>RequeuePendingAfter</c>.</summary>
    public TimeSpan Visibility { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the fake provider takes to accept an email.</summary>
    public TimeSpan ProviderLatency { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Kill mid-send only while a request to the provider is in flight (it never accepted that email). Otherwise a
    /// mid-send kill comes at a uniformly random moment up to 100 ms after an acceptance, so it can also fall between
    /// the provider's acceptance and the sender's record of it.
    /// </summary>
    public bool KillInFlight { get; init; }

    /// <summary>Where <c>local.settings(.sample).json</c> is (the CLI runs' RECEIVABLES_HOME).</summary>
    public string Home { get; init; } = LocalHost.Home;

    /// <summary>The CLI to run (the local host's own program by default).</summary>
    public string Program { get; init; } = typeof(CrashBench).Assembly.Location;
}
