namespace Receivables.Common;

/// <summary>An HTTP request to one of the app's webhooks, free of host types (Functions or Kestrel fill it).</summary>
public sealed record WebhookRequest(
    string Method,
    string Path,
    string? RouteSecret,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    Stream Body);
