using Receivables.Plans;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Plans;

/// <summary>Repayment plans of every creditor by state: drafts awaiting approval first.</summary>
public sealed class IndexModel(WorkspaceQueries queries) : WorkspacePage
{
    public IReadOnlyList<RepaymentPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await queries.PlansAsync(cancellationToken);
}
