namespace Receivables.Common;

/// <summary>
/// A creditor as the product uses it: its profile (name, sender, bank account, language, currency), the dunning policy
/// names for business and consumer debtors (null: the dunning settings' choice), and where it came from.
/// </summary>
public sealed record RegisteredCreditor(
    string Id,
    CreditorOptions Profile,
    string? BusinessPolicy,
    string? ConsumerPolicy,
    string Source,
    bool Retired = false,
    DateTimeOffset? UpdatedAt = null)
{
    public const string FromSettings = "settings";
    public const string FromRegistry = "registry";
}
