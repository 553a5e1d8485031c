namespace Receivables.Dunning;

/// <summary>The claim statement of a debtor for plans, hand-over and status: ledger lines plus what dunning charged.</summary>
public interface IClaimStatements
{
    /// <summary>Null when the debtor has nothing open in the latest ledger.</summary>
    Task<ClaimStatement?> GetAsync(string creditorId, string debtorId, DateOnly asOf, CancellationToken cancellationToken = default);
}
