using System.Security.Cryptography;
using System.Text;
using Receivables.Ledger;

namespace Receivables.Dunning;

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

    /// <summary>
    /// A person set the case to never-automatic: the cycle sends this debtor nothing by itself (no reminder, no automatic
    /// escalation) and the case stays at the manual stage until a person undoes it.
    /// </summary>
    public bool NeverAutomatic { get; set; }

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

    /// <summary>The UTC date of the case's journal row as stored (storage bookkeeping: the row is moved on each save).</summary>
    public DateOnly? StoredJournalDate { get; set; }

    /// <summary>Storage concurrency token (opaque to the domain).</summary>
    public string? Version { get; set; }

    /// <summary>
    /// Storage concurrency token of the due-index row the case was read from, when it was read from that row's copy
    /// instead of the case row (opaque to the domain; the save is then guarded by it).
    /// </summary>
    public string? DueVersion { get; set; }

    public CaseView ToView() => new(CreditorId, DebtorId, CaseId, ReplyToken, Stage, DebtorEmail, Pause, PausedUntil, [.. HeldInvoices]) { AwaitedCredit = AwaitedCredit, DebtorName = DebtorName, IsBusiness = IsBusiness, NeverAutomatic = NeverAutomatic };

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
