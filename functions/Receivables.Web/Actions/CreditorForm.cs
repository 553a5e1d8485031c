using Receivables.Common;
using Receivables.Creditors;

namespace Receivables.Web.Actions;

/// <summary>
/// A creditor as the workspace's form holds it: every field as typed. An optional field left empty clears it; the
/// policies' empty choice is the dunning settings' default.
/// </summary>
public sealed class CreditorForm
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? OrgNumber { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? BankAccount { get; set; }

    public string? Address { get; set; }

    public string Language { get; set; } = "nb";

    public string Currency { get; set; } = "NOK";

    public string Country { get; set; } = "NO";

    public string? BusinessPolicy { get; set; }

    public string? ConsumerPolicy { get; set; }

    /// <summary>The change the registry validates and stores: every field given, empty ones as empty.</summary>
    public CreditorChange ToChange() => new(
        Name ?? "", OrgNumber ?? "", Email ?? "", Phone ?? "", BankAccount ?? "", Address ?? "",
        Language, Currency, Country, BusinessPolicy ?? "", ConsumerPolicy ?? "");

    /// <summary>The form filled with a creditor's current values (to edit it).</summary>
    public static CreditorForm Of(RegisteredCreditor creditor) => new()
    {
        Id = creditor.Id,
        Name = creditor.Profile.Name,
        OrgNumber = creditor.Profile.OrgNumber,
        Email = creditor.Profile.Email,
        Phone = creditor.Profile.Phone,
        BankAccount = creditor.Profile.BankAccount,
        Address = creditor.Profile.Address,
        Language = creditor.Profile.Language,
        Currency = creditor.Profile.Currency,
        Country = creditor.Profile.Country,
        BusinessPolicy = creditor.BusinessPolicy,
        ConsumerPolicy = creditor.ConsumerPolicy,
    };
}
