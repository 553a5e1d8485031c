using Receivables.Common;

namespace Receivables.Dunning;

/// <summary>
/// A creditor's policy names as the planner read them from the registry, carried on each shard message so that every
/// shard of a run works with the same names and none reads the registry for them. Null names: the dunning settings'
/// choice (as <see cref="DunningPolicies.NamesOf"/>).
/// </summary>
public sealed record PlannedPolicies(string? Business, string? Consumer)
{
    public static PlannedPolicies Of(RegisteredCreditor? creditor) => new(creditor?.BusinessPolicy, creditor?.ConsumerPolicy);

    /// <summary>The names as options; a name not given is the shipped default (b2b, b2c); none given: null.</summary>
    public CreditorPolicyOptions? ToOptions() =>
        Business is null && Consumer is null ? null : new CreditorPolicyOptions { Business = Business ?? "b2b", Consumer = Consumer ?? "b2c" };
}
