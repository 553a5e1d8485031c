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
