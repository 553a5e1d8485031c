namespace Receivables.Common;

/// <summary>
/// The creditors this deployment works for: those in app settings (<c>Receivables:Creditors</c>, the single-company
/// configuration and the defaults) together with those in the creditor registry (added, changed and retired at run
/// time with the <c>creditors</c> commands). A registry entry wins over the setting of the same id; a retired one is
/// not active.
/// </summary>
public interface ICreditorDirectory
{
    /// <summary>Every active creditor, read now (the planner calls this once per cycle, so additions need no restart).</summary>
    Task<IReadOnlyDictionary<string, RegisteredCreditor>> ActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>One active creditor, or null (may be served from a cache of a few seconds).</summary>
    Task<RegisteredCreditor?> FindAsync(string creditorId, CancellationToken cancellationToken = default);
}
