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

/// <summary>Who or what made a decision or produced an item.</summary>
public static class Actors
{
    public const string Rule = "rule";
    public const string Model = "model";
    public const string System = "system";

    public static string Person(string name) => "person:" + name;
}

/// <summary>An item to archive for a case. <see cref="IdempotencyKey"/> makes a retried append a no-op.</summary>
public sealed record EvidenceItem(
    string CreditorId,
    string DebtorId,
    string CaseId,
    string Kind,
    string Title,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    string Actor,
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>Where the item lies, its hash, and its place in the case's chain.</summary>
public sealed record EvidenceReceipt(string ItemPath, string Sha256, long Sequence, bool AlreadyArchived);

public interface IEvidenceArchive
{
    Task<EvidenceReceipt> AppendAsync(EvidenceItem item, CancellationToken cancellationToken = default);
}
