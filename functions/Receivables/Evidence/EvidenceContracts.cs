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

/// <summary>
/// The append-only, hash-chained archive of a case. A retried append with the same <see cref="EvidenceItem.IdempotencyKey"/>
/// (within the case) returns the first receipt with <see cref="EvidenceReceipt.AlreadyArchived"/> set and stores nothing.
/// Reading is <see cref="IEvidenceReader"/> (the same implementation).
/// </summary>
public interface IEvidenceArchive
{
    Task<EvidenceReceipt> AppendAsync(EvidenceItem item, CancellationToken cancellationToken = default);
}

/// <summary>
/// Metadata keys the archive reads to build the timeline. Features fill the ones that apply; all values are strings
/// (dates <c>yyyy-MM-dd</c>, amounts invariant-culture decimals such as <c>1250.00</c>).
/// </summary>
public static class EvidenceMetadata
{
    /// <summary>Overrides the timeline section chosen from the kind: one of the <see cref="TimelineSections"/> values.</summary>
    public const string Timeline = "timeline";

    /// <summary>Invoice numbers the item concerns, comma-separated.</summary>
    public const string InvoiceNumbers = "invoiceNumbers";

    /// <summary>The amount the item is about (claimed, paid, agreed), with <see cref="Currency"/>.</summary>
    public const string Amount = "amount";

    public const string Currency = "currency";

    /// <summary>Due date of an invoice.</summary>
    public const string DueDate = "dueDate";

    /// <summary>Reminder ladder level (friendly, reminder, collection-notice, ...).</summary>
    public const string Level = "level";

    /// <summary>Payment deadline a reminder or agreement sets.</summary>
    public const string Deadline = "deadline";

    /// <summary>Reminder fee and interest charged, as amounts.</summary>
    public const string Fee = "fee";

    public const string Interest = "interest";

    /// <summary>Email Message-ID or the provider's message id.</summary>
    public const string MessageId = "messageId";

    public const string To = "to";
    public const string From = "from";
    public const string Subject = "subject";

    /// <summary>Delivery event name (processed, delivered, bounce, dropped, open, ...).</summary>
    public const string Event = "event";

    /// <summary>What a written document is: <c>debt-confirmation</c> (gjeldsbekreftelse) or <c>repayment-agreement</c>.</summary>
    public const string Document = "document";

    /// <summary>One line describing the item for a reader of the timeline.</summary>
    public const string Summary = "summary";
}

/// <summary>The sections of the printable timeline, in the order they are printed.</summary>
public static class TimelineSections
{
    public const string Invoice = "invoice";
    public const string Reminder = "reminder";
    public const string Delivery = "delivery";
    public const string Reply = "reply";
    public const string Agreement = "agreement";
    public const string Payment = "payment";
    public const string Decision = "decision";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Ordered = [Invoice, Reminder, Delivery, Reply, Agreement, Payment, Decision, Other];
}

/// <summary>A case in the archive: <c>creditor/debtor/case</c>.</summary>
public sealed record EvidenceCaseRef(string CreditorId, string DebtorId, string CaseId)
{
    public override string ToString() => $"{CreditorId}/{DebtorId}/{CaseId}";
}

/// <summary>One link of a case's chain as stored (JSON). <see cref="PreviousEntrySha256"/> is the SHA-256 of the previous entry's bytes.</summary>
public sealed record EvidenceEntry(
    string Format,
    long Sequence,
    string CreditorId,
    string DebtorId,
    string CaseId,
    string Kind,
    string Title,
    string ContentType,
    string Actor,
    string IdempotencyKey,
    DateTimeOffset OccurredAt,
    DateTimeOffset ArchivedAt,
    DateOnly RetainUntil,
    string ItemPath,
    string ItemSha256,
    long ItemSize,
    IReadOnlyDictionary<string, string> Metadata,
    string? PreviousEntrySha256);

/// <summary>An entry with where it lies and the SHA-256 of its stored bytes (what the next entry links to).</summary>
public sealed record ArchivedEntry(string EntryPath, string EntrySha256, EvidenceEntry Entry);

/// <summary>How much a creditor (or one debtor) has in the archive.</summary>
public sealed record EvidenceCounts(int Cases, int Items, IReadOnlyDictionary<string, int> ItemsByKind);

/// <summary>One thing wrong with a chain, naming the entry or item (<see cref="Path"/>) it concerns.</summary>
public sealed record ChainProblem(string Path, string Message);

/// <summary>The result of recomputing a case's hashes. <see cref="Notes"/> are not failures (e.g. a head record that lags).</summary>
public sealed record ChainReport(EvidenceCaseRef Case, int Entries, string? HeadSha256, IReadOnlyList<ChainProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>Reads what the archive holds: for exports, the demo summary and other features.</summary>
public interface IEvidenceReader
{
    /// <summary>The case's entries in chain order (empty when the case has none).</summary>
    Task<IReadOnlyList<ArchivedEntry>> ReadCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default);

    /// <summary>The bytes of an item (<see cref="EvidenceEntry.ItemPath"/>) or an entry (<see cref="ArchivedEntry.EntryPath"/>) as archived.</summary>
    Task<byte[]> ReadItemAsync(string itemPath, CancellationToken cancellationToken = default);

    /// <summary>Cases of a creditor, or of one debtor, in name order.</summary>
    Task<IReadOnlyList<EvidenceCaseRef>> ListCasesAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default);

    /// <summary>Number of cases and items (per kind) of a creditor, or of one debtor.</summary>
    Task<EvidenceCounts> CountAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every hash of the case in the live archive.</summary>
    Task<ChainReport> VerifyCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default);
}
