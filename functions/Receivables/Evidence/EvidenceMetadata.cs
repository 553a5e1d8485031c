namespace Receivables.Evidence;

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
