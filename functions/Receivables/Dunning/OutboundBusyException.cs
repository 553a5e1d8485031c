namespace Receivables.Dunning;

/// <summary>Another delivery of the same message is working on it right now; the runtime retries later.</summary>
public sealed class OutboundBusyException(string key) : Exception($"Message {key} is being sent by another delivery; retry later.");
