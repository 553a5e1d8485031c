using System.ComponentModel.DataAnnotations;

namespace Receivables.Common;

/// <summary>
/// Root options, bound from <c>Receivables</c> (<c>Receivables__...</c> in app settings). Each feature binds its own
/// sub-section (<c>Receivables:Dunning</c>, <c>Receivables:Email</c>, ...).
/// </summary>
public sealed class ReceivablesOptions
{
    public const string Section = "Receivables";

    /// <summary>The businesses whose receivables this deployment follows up, by id (the ledger container's top folder).</summary>
    public Dictionary<string, CreditorOptions> Creditors { get; init; } = new(StringComparer.Ordinal);

    /// <summary>IANA time zone of the business calendar (dates of cycles, deadlines).</summary>
    [Required]
    public string TimeZone { get; init; } = "Europe/Oslo";
}

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

/// <summary>Dates of the business calendar in the configured time zone.</summary>
public sealed class BusinessClock(TimeProvider time, Microsoft.Extensions.Options.IOptions<ReceivablesOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    public DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
