namespace Receivables.Dunning;

/// <summary>A fee charged on one claim by one message (kept by us: the ledger does not know our fees).</summary>
public sealed record ChargedFee(FeeKind Kind, decimal Amount, DateOnly Date, int Level, DateOnly Deadline);
