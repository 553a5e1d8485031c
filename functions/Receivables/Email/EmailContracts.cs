namespace Receivables.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A message ready to send. <see cref="IdempotencyKey"/> identifies it across retries and crashes.</summary>
public sealed record OutboundEmail(
    string IdempotencyKey,
    string ToAddress,
    string ToName,
    string FromAddress,
    string FromName,
    string ReplyTo,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<EmailAttachment> Attachments)
{
    /// <summary>The debtor's message this answers (In-Reply-To and References); null for a message that starts a conversation.</summary>
    public ReplyThread? Thread { get; init; }
}

/// <summary>Proof of sending: the provider's message id, the exact MIME, and the provider request when there was one.</summary>
public sealed record SentEmail(string MessageId, string Provider, byte[] RawMime, string? ProviderRequestJson)
{
    /// <summary>Set when the message was decided outside the contact hours: it is held and goes out at this instant (<see cref="RawMime"/> is empty until then).</summary>
    public DateTimeOffset? HeldUntil { get; init; }
}

public interface IEmailSender
{
    Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default);

    /// <summary>Whether this message was already handed to the provider (outbox file exists / provider accepted it).</summary>
    Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}

/// <summary>
/// Names of the <see cref="OutboundEmail.CustomArgs"/> that tie a message to its case. SendGrid echoes custom_args as
/// top-level fields of every delivery event, so the event webhook finds the case by these names.
/// </summary>
public static class EmailCustomArgs
{
    public const string Creditor = "creditor";
    public const string Debtor = "debtor";
    public const string Case = "case";
}

/// <summary>Which step of the ladder a message belongs to; names the template (<c>{Template}.{language}.html|txt.liquid</c>).</summary>
public static class MessageTemplates
{
    public const string Friendly = "friendly-reminder";
    public const string Reminder = "reminder";
    public const string CollectionNotice = "collection-notice";
    public const string Acknowledgement = "acknowledgement";
    public const string StillOpen = "still-open";
    public const string InvoiceCopy = "invoice-copy";
    public const string PlanProposal = "plan-proposal";
    public const string CallConfirmation = "call-confirmation";
    public const string PlanMissed = "plan-missed";
    public const string PlanAccepted = "plan-accepted";

    /// <summary>A dispute resolved by a person: upheld, rejected (reason and new deadline) or partly credited.</summary>
    public const string DisputeOutcome = "dispute-outcome";

    /// <summary>The answer to a dispute: which invoices are on hold, what is needed, payment only of the undisputed ones.</summary>
    public const string DisputeAcknowledgement = "dispute-acknowledgement";

    /// <summary>A promise to pay confirmed in writing with its date (and amount).</summary>
    public const string PromiseConfirmation = "promise-confirmation";

    /// <summary>The day after a promised date (plus grace) without payment.</summary>
    public const string PromiseBroken = "promise-broken";

    /// <summary>"Already paid": the next ledger shows the payment; the case is closed.</summary>
    public const string PaymentFound = "payment-found";

    public const string ReplyAnswer = "reply-answer";
}

/// <summary>One invoice line of a reminder.</summary>
public sealed record ReminderInvoice(string InvoiceNumber, DateOnly InvoiceDate, DateOnly DueDate, decimal Amount, decimal OpenAmount, string? Kid, int DaysOverdue);

/// <summary>A fee, interest or compensation line, shown separately with how it was computed.</summary>
public sealed record ReminderCharge(string Kind, string Description, decimal Amount, string? Basis = null)
{
    /// <summary>
    /// The currency of <see cref="Amount"/> when it is not the document's: Norwegian fees and the § 3a compensation are
    /// NOK amounts also on a USD invoice (null: the document's currency).
    /// </summary>
    public string? Currency { get; init; }
}

/// <summary>
/// Everything a reminder states, computed by the dunning rules. Templates only format it; they never compute
/// amounts or dates.
/// </summary>
public sealed record ReminderDocument(
    string Template,
    string Language,
    string CreditorId,
    string CreditorName,
    string? CreditorOrgNumber,
    string CreditorEmail,
    string? CreditorPhone,
    string? CreditorBankAccount,
    string? CreditorAddress,
    string DebtorId,
    string DebtorName,
    string DebtorEmail,
    bool DebtorIsBusiness,
    string CaseId,
    string ReplyAddress,
    string Currency,
    IReadOnlyList<ReminderInvoice> Invoices,
    IReadOnlyList<ReminderCharge> Charges,
    decimal Principal,
    decimal Total,
    DateOnly IssueDate,
    DateOnly? Deadline,
    string? Kid,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>
    /// What is owed in currencies other than <see cref="Currency"/> (NOK fees on a foreign-currency invoice), one total
    /// per currency: never added to <see cref="Total"/>, which is in the invoices' currency only.
    /// </summary>
    public IReadOnlyList<CurrencyAmount> OtherTotals => [.. Charges
        .Where(c => c.Currency is { } other && other != Currency)
        .GroupBy(c => c.Currency!, StringComparer.Ordinal)
        .Select(g => new CurrencyAmount(g.Key, Common.Rounding.ToMinorUnit(g.Sum(c => c.Amount))))];
}

/// <summary>An amount in a named currency (ISO 4217 code).</summary>
public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>A rendered message: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>Renders a document with the user's template if one is uploaded, else the shipped default.</summary>
public interface IMessageRenderer
{
    Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every <c>{% capture name %}</c> of the document's template as plain text (no layout): for wording that is not an
    /// email body, such as a plan's terms or the printed agreement's clauses.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default);
}
