namespace Receivables.Dunning;

/// <summary>
/// The storage refused this one case for what it holds (a key or a value longer than it accepts, a body too large):
/// retrying cannot help. The cycle skips the debtor, records the error and goes on with the others.
/// </summary>
public sealed class CaseNotStorableException(string creditorId, string debtorId, string reason, Exception? inner = null)
    : Exception($"The case of {creditorId}/{DebtorFailure.Short(debtorId)} cannot be stored: {reason}", inner)
{
    public string CreditorId { get; } = creditorId;

    public string DebtorId { get; } = debtorId;
}
