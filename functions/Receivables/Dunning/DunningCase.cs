using System.Security.Cryptography;
using System.Text;
using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>A fee charged on one claim by one message (kept by us: the ledger does not know our fees).</summary>
public sealed record ChargedFee(FeeKind Kind, decimal Amount, DateOnly Date, int Level, DateOnly Deadline);

/// <summary>
/// An open amount of an invoice and the day it was first seen (after the last day the previous amount was seen);
/// <see cref="DateOnly.MinValue"/> for the amount first seen, which counts from the due date.
/// </summary>
public sealed record BalanceStep(DateOnly From, decimal Amount);

/// <summary>How far one invoice has come on the ladder.</summary>
public sealed class InvoiceProgress
{
    public string InvoiceNumber { get; set; } = "";

    /// <summary>How many levels have been done (0: none yet; 1: the first level was sent, ...).</summary>
    public int Level { get; set; }

    public DateOnly? LastSent { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>The open amount when the last message was sent; a lower amount later is a partial payment.</summary>
    public decimal? OpenAtLastMessage { get; set; }

    /// <summary>Set when a partial payment was seen: the next step waits its interval from this date (re-anchoring).</summary>
    public DateOnly? AnchoredOn { get; set; }

    public List<ChargedFee> Fees { get; set; } = [];

    /// <summary>
    /// The invoice's open amounts over time, as the cycle saw them, so that late-payment interest runs on what was
    /// unpaid on each day rather than on today's balance back to the due date.
    /// </summary>
    public List<BalanceStep> Balances { get; set; } = [];

    /// <summary>The § 3a compensation (before fees) once it has been claimed; it stays claimed.</summary>
    public decimal? CompensationClaimed { get; set; }
}

/// <summary>A message decided by the cycle and not yet confirmed sent by the send-reminder handler.</summary>
public sealed record PendingMessage(
    string Key,
    int Level,
    string Template,
    DateOnly CycleDate,
    DateOnly Deadline,
    IReadOnlyList<string> InvoiceNumbers)
{
    /// <summary>
    /// When the cycle last queued it (null: not yet). A run finding it still pending longer than
    /// <see cref="DunningOptions.RequeuePendingAfter"/> after that queues it again: its queue message is gone.
    /// </summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Where each invoice stood before this message moved it (to put it back when the message cannot be sent).</summary>
    public IReadOnlyList<StepBefore> Before { get; init; } = [];
}

/// <summary>
/// A dispute upheld in full or in part: <see cref="Invoices"/> stay held until the ledger shows their open amount (net of
/// credit notes that were not there when it was decided, <see cref="KnownCredits"/>) at or below
/// <see cref="ExpectedOpen"/>; what is left then follows the ladder, not before <see cref="Deadline"/>.
/// </summary>
public sealed record AwaitedCredit(IReadOnlyList<string> Invoices, decimal ExpectedOpen, DateOnly Deadline, IReadOnlyList<string> KnownCredits);

/// <summary>One debtor's dunning case: stage, pause, per-invoice progress and what is pending. Free of storage types.</summary>
public sealed class DunningCase
{
    public string CreditorId { get; set; } = "";

    public string DebtorId { get; set; } = "";

    public string CaseId { get; set; } = "";

    public string ReplyToken { get; set; } = "";

    public string Stage { get; set; } = CaseStages.Current;

    public string? DebtorEmail { get; set; }

    public string DebtorName { get; set; } = "";

    public bool IsBusiness { get; set; }

    public PauseReason? Pause { get; set; }

    public DateOnly? PausedUntil { get; set; }

    public List<string> HeldInvoices { get; set; } = [];

    /// <summary>The credit note a resolved dispute waits for (null: none).</summary>
    public AwaitedCredit? AwaitedCredit { get; set; }

    public Dictionary<string, InvoiceProgress> Invoices { get; set; } = new(StringComparer.Ordinal);

    public List<PendingMessage> Pending { get; set; } = [];

    /// <summary>The first date on which the cycle has something to do for this case (null: nothing until the ledger changes).</summary>
    public DateOnly? NextAction { get; set; }

    /// <summary>Hash of the debtor's ledger lines when the case was last evaluated; unchanged means nothing to re-read.</summary>
    public string? LedgerHash { get; set; }

    public DateOnly? LastEvaluated { get; set; }

    /// <summary>Idempotency keys of case actions already applied (most recent last).</summary>
    public List<string> AppliedKeys { get; set; } = [];

    /// <summary>The address the email index was last written for (storage bookkeeping).</summary>
    public string? IndexedEmail { get; set; }

    /// <summary>The next action date as stored (storage bookkeeping: the due index row to move when it changes).</summary>
    public DateOnly? StoredNextAction { get; set; }

    /// <summary>Storage concurrency token (opaque to the domain).</summary>
    public string? Version { get; set; }

    public CaseView ToView() => new(CreditorId, DebtorId, CaseId, ReplyToken, Stage, DebtorEmail, Pause, PausedUntil, [.. HeldInvoices]) { AwaitedCredit = AwaitedCredit, DebtorName = DebtorName, IsBusiness = IsBusiness };

    public static string CaseIdFor(string creditorId, string debtorId) =>
        "case-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(creditorId + "/" + debtorId)))[..16].ToLowerInvariant();

    /// <summary>A short random token for the reply address (plus-addressing): lower-case letters and digits.</summary>
    public static string NewReplyToken()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>Hash of what the ladder reads from the ledger for this debtor.</summary>
    public static string LedgerHashOf(DebtorLedger ledger)
    {
        var text = new StringBuilder();
        text.Append(ledger.Debtor.Name).Append('|').Append(ledger.Debtor.Email).Append('|').Append(ledger.Debtor.Type).Append('|').Append(ledger.Debtor.Language).Append('\n');
        foreach (var invoice in ledger.Invoices.OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal))
        {
            text.Append(invoice.InvoiceNumber).Append('|').Append(invoice.DueDate.DayNumber).Append('|')
                .Append(invoice.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('|')
                .Append(invoice.OpenAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('|')
                .Append(invoice.Currency).Append('|').Append(invoice.Kid).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }
}
