namespace Receivables.CreditHold;

public sealed record HeldDebtorLine(string DebtorId, string HoldId, DateOnly Since, string Reason);
