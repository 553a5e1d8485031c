namespace Receivables.Status;

/// <summary>Adds a feature's section to each creditor's status.</summary>
public interface IStatusContributor
{
    Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken);
}
