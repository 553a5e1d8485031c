using Receivables.Storage;

namespace Receivables.SetOff;

/// <summary>A stored set-off proposal (<see cref="StorageNames.Tables.SetOffs"/>: partition creditor, row proposal id).</summary>
public sealed record SetOffProposal(
    string CreditorId,
    string ProposalId,
    string DebtorId,
    string SupplierId,
    string Currency,
    decimal Amount,
    string ReceivableInvoices,
    string PayableInvoices,
    string Conditions,
    string DraftSubject,
    string DraftText,
    string State,
    string? TaskId,
    string SourceFile)
{
    /// <summary>The stored version this proposal was read at (an ETag); a change in between makes a save fail.</summary>
    public string? Version { get; init; }
}
