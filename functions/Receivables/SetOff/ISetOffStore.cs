namespace Receivables.SetOff;

/// <summary>
/// The creditor's payables exports and the stored set-off proposals. The adapter is
/// <see cref="Storage.TableSetOffStore"/> (payables as blobs in the ledger container, proposals in a table).
/// </summary>
public interface ISetOffStore
{
    /// <summary>The newest CSV under <c>&lt;creditor&gt;/&lt;folder&gt;</c> of the ledger container, or null when there is none.</summary>
    Task<PayablesFile?> ReadNewestPayablesAsync(string creditorId, string folder, CancellationToken cancellationToken);

    Task<SetOffProposal?> GetAsync(string creditorId, string proposalId, CancellationToken cancellationToken);

    IAsyncEnumerable<SetOffProposal> ListAsync(string creditorId, CancellationToken cancellationToken);

    /// <summary>Adds the proposal; when one with its id exists (a concurrent run with the same facts) returns that one, Created=false.</summary>
    Task<(SetOffProposal Proposal, bool Created)> AddAsync(SetOffProposal proposal, DateTimeOffset proposedAt, CancellationToken cancellationToken);

    /// <summary>Records the decision on the proposal, guarded by its <see cref="SetOffProposal.Version"/>.</summary>
    Task SetStateAsync(SetOffProposal proposal, string state, SetOffDecision decision, CancellationToken cancellationToken);
}
