namespace Receivables.Creditors;

/// <summary>Fields to set on a creditor (null: keep); for <c>creditors add</c> and <c>creditors update</c>.</summary>
public sealed record CreditorChange(
    string? Name = null,
    string? OrgNumber = null,
    string? Email = null,
    string? Phone = null,
    string? BankAccount = null,
    string? Address = null,
    string? Language = null,
    string? Currency = null,
    string? Country = null,
    string? BusinessPolicy = null,
    string? ConsumerPolicy = null);
