using Receivables.Common;

namespace Receivables.Ledger;

// The ledger feature's public face: what the rest of the product may read about who owes what.
// Everything here describes the latest *accepted* snapshot of a creditor's open receivables.

/// <summary>A customer of the creditor, as the ledger describes it.</summary>
public sealed record Debtor(
    string CreditorId,
    string DebtorId,
    string Name,
    string? Email,
    CustomerType Type,
    string? OrgNumber,
    string? Language = null,
    string? Phone = null);

/// <summary>An invoice (or credit note, when <see cref="Amount"/> is negative) with what is still unpaid.</summary>
public sealed record OpenInvoice(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    string? Kid,
    string SourceFile,
    int SourceLine)
{
    public bool IsCreditNote => Amount < 0m;
}

/// <summary>One debtor and all its open items in the latest accepted snapshot.</summary>
public sealed record DebtorLedger(Debtor Debtor, IReadOnlyList<OpenInvoice> Invoices);

/// <summary>An accepted snapshot: the ledger file it came from and when the data was taken.</summary>
public sealed record SnapshotInfo(
    string CreditorId,
    string SnapshotId,
    string SourceFile,
    DateTimeOffset TakenAt,
    DateTimeOffset AcceptedAt,
    int Debtors,
    int Invoices,
    string Sha256);

public enum LedgerChangeKind
{
    InvoiceAdded,
    PartiallyPaid,
    Paid,
    CreditNoteAdded,
    OpenAmountIncreased,
}

/// <summary>What one snapshot changed compared with the previous one, with the line that said so.</summary>
public sealed record LedgerChange(
    LedgerChangeKind Kind,
    string CreditorId,
    string DebtorId,
    string InvoiceNumber,
    string Currency,
    decimal PreviousOpen,
    decimal NewOpen,
    string SourceFile,
    int SourceLine,
    string SnapshotId)
{
    /// <summary>Money received (positive) for this invoice by this change.</summary>
    public decimal Paid => PreviousOpen - NewOpen;
}

public interface ILedgerReader
{
    Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>Any accepted snapshot by id (readers that keep only the latest return it when the id matches).</summary>
    async Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        await GetLatestSnapshotAsync(creditorId, cancellationToken) is { } latest && latest.SnapshotId == snapshotId ? latest : null;

    /// <summary>Streams the latest accepted snapshot, debtor by debtor, in snapshot order (by the debtor id's hash, then id).</summary>
    IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The debtors of shard <paramref name="shard"/> of <paramref name="shards"/> (<see cref="Common.DebtorShards"/>) in
    /// the given snapshot, without reading the rest of it. Readers without slices may filter a full read.
    /// </summary>
    async IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var debtor in ReadDebtorsAsync(snapshot.CreditorId, cancellationToken))
        {
            if (Common.DebtorShards.ShardOf(debtor.Debtor.DebtorId, shards) == shard)
            {
                yield return debtor;
            }
        }
    }

    Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A debtor's lines in a given snapshot: for a run that reads many debtors of the snapshot it started with, without
    /// looking up the latest snapshot each time. Readers that keep only the latest may ignore the snapshot.
    /// </summary>
    Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo snapshot, string debtorId, CancellationToken cancellationToken = default) =>
        GetDebtorAsync(snapshot.CreditorId, debtorId, cancellationToken);

    /// <summary>The changes that the given snapshot introduced (empty for the first one).</summary>
    IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Told after a snapshot has been accepted and stored (dunning re-anchors, plans match installments, "already paid"
/// replies are confirmed). Observers must be idempotent: a retried upload may notify again.
/// </summary>
public interface ILedgerObserver
{
    Task OnSnapshotAcceptedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// A newer export with the same open items as the latest snapshot: nothing changed, but the data is now current as
    /// of <see cref="SnapshotInfo.TakenAt"/> (for example: an installment that was due is still unpaid).
    /// </summary>
    Task OnSnapshotConfirmedAsync(SnapshotInfo snapshot, CancellationToken cancellationToken) => Task.CompletedTask;
}
