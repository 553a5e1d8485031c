namespace Receivables.CreditHold;

/// <summary>A debtor's credit-hold state as stored (what the workspace, status and the demo show).</summary>
public sealed record CreditHoldState(string CreditorId, string DebtorId, string HoldId, bool Held, DateOnly RaisedOn, DateOnly? LiftedOn, string Reason, decimal OverdueAmount, string Currency);
