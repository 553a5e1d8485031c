namespace Receivables.Ledger;

/// <summary>
/// Adjustments of the snapshot's open items that other features know about (bank payments). The ledger reader
/// applies them to what it returns per debtor; the snapshot itself, its changes and its hash stay as the export said.
/// </summary>
public interface IOpenItemAdjustments
{
    /// <summary>Every adjustment of a creditor, by debtor id (one read, for whole-ledger passes).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<OpenItemAdjustment>>> ForCreditorAsync(string creditorId, CancellationToken cancellationToken);

    /// <summary>One debtor's adjustments (empty when none).</summary>
    Task<IReadOnlyList<OpenItemAdjustment>> ForDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken);
}
