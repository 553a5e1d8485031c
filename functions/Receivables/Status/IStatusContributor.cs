using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Status;

/// <summary>Adds a feature's section to each creditor's status.</summary>
public interface IStatusContributor
{
    Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken);
}
