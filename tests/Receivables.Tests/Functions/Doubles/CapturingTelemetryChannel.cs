using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>Application Insights' channel, keeping what would be sent instead of sending it.</summary>
public sealed class CapturingTelemetryChannel : ITelemetryChannel
{
    private readonly ConcurrentQueue<ITelemetry> items = new();

    public IReadOnlyCollection<ITelemetry> Items => items;

    public bool? DeveloperMode { get; set; }

    public string EndpointAddress { get; set; } = "http://127.0.0.1:9/v2/track";

    public void Send(ITelemetry item) => items.Enqueue(item);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
