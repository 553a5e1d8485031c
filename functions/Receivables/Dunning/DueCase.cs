namespace Receivables.Dunning;

/// <summary>
/// A due debtor from the due index, with its case when the index row carries a copy of it (written in the case's own
/// transaction, so it is the case as stored; saving it is guarded by the row's version). Null: read the case.
/// </summary>
public sealed record DueCase(string DebtorId, DunningCase? Case);
