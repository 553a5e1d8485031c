using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>Which ladder applies to a debtor: the per-debtor override, else the creditor's B2B or B2C policy.</summary>
public sealed class DunningPolicies(IOptions<DunningOptions> options, ICreditorDirectory creditors)
{
    public DunningOptions Options => options.Value;

    public RateTables Rates { get; } = RateTables.From(options.Value);

    /// <summary>
    /// The policy for the debtor, or null when the debtor is set to never-automatic: the creditor's policy names from the
    /// creditor registry when it has them (a creditor added at run time), else from the dunning settings.
    /// </summary>
    public async Task<PolicyOptions?> ForAsync(string creditorId, Debtor debtor, CancellationToken cancellationToken = default) =>
        For(creditorId, debtor, NamesOf(await creditors.FindAsync(creditorId, cancellationToken)));

    /// <summary>The creditor's policy names as the registry gives them (null: the dunning settings' choice).</summary>
    public async Task<CreditorPolicyOptions?> NamesAsync(string creditorId, CancellationToken cancellationToken = default) =>
        NamesOf(await creditors.FindAsync(creditorId, cancellationToken));

    /// <summary>A registered creditor's policy names; a name it lacks is the shipped default (b2b, b2c).</summary>
    public static CreditorPolicyOptions? NamesOf(RegisteredCreditor? creditor) => PlannedPolicies.Of(creditor).ToOptions();

    /// <summary>As <see cref="ForAsync"/>, with the creditor's policy names given (null: the dunning settings' choice).</summary>
    public PolicyOptions? For(string creditorId, Debtor debtor, CreditorPolicyOptions? registered)
    {
        var o = options.Value;
        if (o.DebtorOverrides.TryGetValue(creditorId, out var overrides) && overrides.TryGetValue(debtor.DebtorId, out var name))
        {
            return name == DunningDefaults.NeverAutomatic ? null : o.Policies[name];
        }

        var names = registered ?? (o.Creditors.TryGetValue(creditorId, out var creditor) ? creditor : new CreditorPolicyOptions());
        return o.Policies[debtor.Type == CustomerType.Business ? names.Business : names.Consumer];
    }
}
