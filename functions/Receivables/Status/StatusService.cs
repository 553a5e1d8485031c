using Receivables.Common;

namespace Receivables.Status;

/// <summary>Builds the <see cref="StatusReport"/> from every registered contributor, in registration order.</summary>
public sealed class StatusService(IEnumerable<IStatusContributor> contributors, ICreditorDirectory directory, BusinessClock clock)
{
    public async Task<StatusReport> BuildAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? clock.Today;
        var creditors = new List<CreditorStatus>();
        foreach (var (id, creditor) in (await directory.ActiveAsync(cancellationToken)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var status = new CreditorStatus(id, creditor.Profile.Name);
            foreach (var contributor in contributors)
            {
                await contributor.ContributeAsync(status, date, cancellationToken);
            }

            creditors.Add(status);
        }

        return new StatusReport(date, clock.Now, creditors);
    }
}
