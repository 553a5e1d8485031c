namespace Receivables.Dunning;

/// <summary>States of an outbound message: intent is recorded before the provider is called.</summary>
public static class OutboundStates
{
    public const string Intended = "intended";
    public const string Sent = "sent";
    public const string Archived = "archived";
    public const string Cancelled = "cancelled";

    /// <summary>The message could not be sent (permanent failure): the case is held and a person decides.</summary>
    public const string Failed = "failed";
}
