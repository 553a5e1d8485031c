using Receivables.Status;

namespace Receivables.Dunning;

/// <summary>Adds <see cref="RatesStatusSection"/> to every creditor's status.</summary>
public sealed class RatesStatusContributor(DunningPolicies policies) : IStatusContributor
{
    public Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rates = policies.Rates;
        creditor.Add(new RatesStatusSection([.. rates.MissingHalfYears(asOf).Select(h => MissingRateWarnings.Describe(h, rates.RateOn(h), policies.Options.Rates.Count))]));
        return Task.CompletedTask;
    }
}
