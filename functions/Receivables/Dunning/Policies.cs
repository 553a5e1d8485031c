using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Ledger;

namespace Receivables.Dunning;

/// <summary>Which ladder applies to a debtor: the per-debtor override, else the creditor's B2B or B2C policy.</summary>
public sealed class DunningPolicies(IOptions<DunningOptions> options)
{
    public DunningOptions Options => options.Value;

    public RateTables Rates { get; } = RateTables.From(options.Value);

    /// <summary>The policy for the debtor, or null when the debtor is set to never-automatic.</summary>
    public PolicyOptions? For(string creditorId, Debtor debtor) => For(creditorId, debtor, null);

    /// <summary>As <see cref="For(string, Debtor)"/>, with the creditor's policy names from the creditor registry when it has them.</summary>
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
