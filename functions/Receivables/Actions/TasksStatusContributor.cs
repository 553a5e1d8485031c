using Receivables.Status;

namespace Receivables.Actions;

public sealed class TasksStatusContributor(ITaskStore tasks) : IStatusContributor
{
    public async Task ContributeAsync(CreditorStatus creditor, DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = new List<WorkTask>();
        await foreach (var task in tasks.ListAsync(creditor.CreditorId, openOnly: true, cancellationToken))
        {
            open.Add(task);
        }

        creditor.Add(new TasksStatusSection(
            open.Count,
            open.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            open.OrderBy(t => TaskPriorities.Rank(t.Facts.Priority)).ThenBy(t => t.Facts.DueDate).ThenBy(t => t.CreatedAt).Take(10)
                .Select(t => new OpenTaskLine(t.TaskId, t.Kind, t.DebtorId, t.Title, t.CreatedAt) { Facts = TaskText.Facts(t), Priority = t.Facts.Priority, DueDate = t.Facts.DueDate }).ToList()));
    }
}
