using Receivables.Dunning;

namespace Receivables.Handover;

/// <summary>The hand-over file for a collection agency (format <see cref="HandoverFile.Format"/>, documented in docs/levers.md).</summary>
public sealed record HandoverFile(
    string Format,
    DateOnly AsOf,
    HandoverCreditor Creditor,
    HandoverDebtor Debtor,
    string Currency,
    IReadOnlyList<HandoverClaim> Claims,
    HandoverTotals Totals,
    IReadOnlyList<HandoverReminder> Reminders,
    HandoverApproval Approval,
    string EvidenceBundle,
    IReadOnlyList<HandoverCollectionNotice>? CollectionNotices = null)
{
    public const string Version = "receivables-collection-handover/1";

    /// <summary>The currency of every fee and of the compensation: NOK by Norwegian law, also when <see cref="Currency"/> is another.</summary>
    public string ChargesCurrency { get; init; } = RateTables.Currency;
}
