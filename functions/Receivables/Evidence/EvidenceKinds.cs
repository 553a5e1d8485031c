namespace Receivables.Evidence;

/// <summary>Kinds of archived items. Strings, so that the archive can hold kinds added later.</summary>
public static class EvidenceKinds
{
    public const string OutboundEmail = "outbound-email";
    public const string ProviderRequest = "provider-request";
    public const string DeliveryEvent = "delivery-event";
    public const string InboundReply = "inbound-reply";
    public const string LedgerSnapshot = "ledger-snapshot";
    public const string Decision = "decision";
    public const string Agreement = "agreement";
    public const string Task = "task";
}
