namespace Receivables.Handover;

public sealed record HandoverDebtor(string DebtorId, string Name, string? OrgNumber, string? Email, string? Phone, bool IsBusiness, string CaseId);
