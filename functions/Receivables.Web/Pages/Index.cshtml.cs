using Microsoft.AspNetCore.Mvc;
using Receivables.Web.Actions;

namespace Receivables.Web.Pages;

/// <summary>Today: the open tasks of every creditor, most urgent first, each completed with one of its kind's outcomes.</summary>
public sealed class IndexModel(WorkspaceQueries queries, WorkspaceActions actions, Text.EffectWords effects) : WorkspacePage
{
    public IReadOnlyList<TodayItem> Items => Work.Items;

    public TodayPage Work { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(int p, CancellationToken cancellationToken) => Work = await queries.TodayAsync(p, cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(string creditor, string task, string outcome, string? note, DateOnly? date, string? amount, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var (done, effect) = await actions.CompleteAsync(creditor, task, outcome, note, date, amount, Person, cancellationToken);
                return effects.Done(done, outcome, effect);
            },
            "/");
}
