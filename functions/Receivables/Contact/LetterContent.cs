using Receivables.Email;
using Receivables.Ledger;

namespace Receivables.Contact;

/// <summary>
/// What a case letter asks for beyond the ledger facts: which open invoices it asks payment of (the others are not in
/// its payment block), extra lines (a credit, as a negative amount), the payment deadline, and the debtor's message it
/// answers. Every letter that asks for money then shows account number, KID, amount and deadline.
/// </summary>
public sealed record LetterContent
{
    /// <summary>Which open invoices the letter asks payment of (null: all).</summary>
    public Func<OpenInvoice, bool>? Payable { get; init; }

    /// <summary>Lines after the invoices, in the letter's language (e.g. a credit as a negative amount).</summary>
    public Func<string, IReadOnlyList<ReminderCharge>>? Charges { get; init; }

    public DateOnly? Deadline { get; init; }

    public ReplyThread? Thread { get; init; }

    /// <summary>The reply address (default: the case's plus-address); an answer uses the address the debtor wrote to.</summary>
    public string? ReplyAddress { get; init; }
}
