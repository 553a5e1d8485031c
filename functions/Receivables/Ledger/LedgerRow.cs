using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// One open item as a ledger file states it, after parsing and validation: the unit the importer sorts, diffs and
/// stores. <see cref="Line"/> is the line (CSV) or element line (SAF-T) of the source file.
/// </summary>
public sealed record LedgerRow(
    string DebtorId,
    string InvoiceNumber,
    string Name,
    string? Email,
    CustomerType Type,
    string? OrgNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    string? Kid,
    int Line,
    string? Phone = null)
{
    /// <summary>Where the file describes the debtor, when elsewhere than <see cref="Line"/> (a SAF-T Customer element); 0 otherwise.</summary>
    public int DebtorLine { get; init; }

    /// <summary>The debtor's place in the hash space (<see cref="DebtorShards.Hash"/>): snapshots are ordered by it first.</summary>
    public uint DebtorHash { get; } = DebtorShards.Hash(DebtorId);

    /// <summary>
    /// Orders rows by the debtor's hash, then debtor id, then invoice (ordinal): the order of every snapshot (format v2),
    /// so that each shard of debtors is one contiguous slice of the snapshot.
    /// </summary>
    public static int CompareKeys(LedgerRow a, LedgerRow b)
    {
        var byHash = a.DebtorHash.CompareTo(b.DebtorHash);
        if (byHash != 0)
        {
            return byHash;
        }

        var byDebtor = string.CompareOrdinal(a.DebtorId, b.DebtorId);
        return byDebtor != 0 ? byDebtor : string.CompareOrdinal(a.InvoiceNumber, b.InvoiceNumber);
    }

    public bool IsPaid => OpenAmount == 0m;

    public bool IsCreditNote => Amount < 0m;

    public Debtor ToDebtor(string creditorId) => new(creditorId, DebtorId, Name, Email, Type, OrgNumber, Phone: Phone);

    public OpenInvoice ToInvoice(string sourceFile) =>
        new(InvoiceNumber, InvoiceDate, DueDate, Currency, Amount, OpenAmount, Kid, sourceFile, Line);
}
