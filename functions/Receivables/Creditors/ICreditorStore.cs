using Receivables.Common;

namespace Receivables.Creditors;

/// <summary>The creditor registry's rows (retired ones included).</summary>
public interface ICreditorStore
{
    Task<IReadOnlyList<RegisteredCreditor>> ListAsync(CancellationToken cancellationToken = default);

    Task<RegisteredCreditor?> GetAsync(string creditorId, CancellationToken cancellationToken = default);

    Task SaveAsync(RegisteredCreditor creditor, CancellationToken cancellationToken = default);
}
