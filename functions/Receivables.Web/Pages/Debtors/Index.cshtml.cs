using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Debtors;

/// <summary>Debtors: search, filter by stage, sort, paged — from the portfolio index.</summary>
public sealed class IndexModel(WorkspaceQueries queries) : WorkspacePage
{
    public string CreditorId { get; private set; } = "";

    public string? Query { get; private set; }

    public string? Stage { get; private set; }

    public string? Sort { get; private set; }

    public DebtorListPage Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<(string Id, string Name)> Creditors { get; private set; } = [];

    public async Task OnGetAsync(string? c, string? q, string? stage, string? sort, int? page, CancellationToken cancellationToken)
    {
        Creditors = await queries.CreditorsAsync(cancellationToken);
        CreditorId = WorkspaceQueries.CreditorOrFirst(Creditors, c);
        (Query, Stage, Sort) = (q, stage, sort);
        Result = await queries.DebtorsAsync(CreditorId, q, stage, sort, page ?? 1, cancellationToken);
    }

    public string PageLink(int page) =>
        $"/Debtors?c={Uri.EscapeDataString(CreditorId)}&q={Uri.EscapeDataString(Query ?? "")}&stage={Uri.EscapeDataString(Stage ?? "")}&sort={Uri.EscapeDataString(Sort ?? "")}&page={page}";
}
