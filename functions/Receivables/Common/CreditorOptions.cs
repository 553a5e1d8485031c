using System.ComponentModel.DataAnnotations;

namespace Receivables.Common;

/// <summary>A creditor: the business that is owed money and in whose name reminders go out.</summary>
public sealed class CreditorOptions
{
    [Required]
    public string Name { get; init; } = "";

    /// <summary>Norwegian organisation number (9 digits).</summary>
    public string? OrgNumber { get; init; }

    /// <summary>ISO country of the creditor; selects the law defaults (NO first).</summary>
    public string Country { get; init; } = "NO";

    public string Currency { get; init; } = "NOK";

    /// <summary>Default language of messages (nb or en); a debtor's own language wins.</summary>
    public string Language { get; init; } = "nb";

    /// <summary>The address reminders come from, and the base of the reply address (plus-addressed per case).</summary>
    [Required, EmailAddress]
    public string Email { get; init; } = "";

    /// <summary>Phone number printed on reminders, so the debtor can call.</summary>
    public string? Phone { get; init; }

    /// <summary>Bank account for payment (Norwegian 11-digit account number).</summary>
    public string? BankAccount { get; init; }

    public string? Address { get; init; }
}
