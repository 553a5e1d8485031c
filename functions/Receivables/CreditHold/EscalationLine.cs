namespace Receivables.CreditHold;

public sealed record EscalationLine(string TaskId, string? DebtorId, string Recommendation);
