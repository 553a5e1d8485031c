namespace Receivables.Handover;

public sealed record HandoverCreditor(string CreditorId, string Name, string? OrgNumber, string Email, string? BankAccount);
