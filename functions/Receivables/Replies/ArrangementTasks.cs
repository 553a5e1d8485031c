using Receivables.Actions;
using Receivables.Plans;

namespace Receivables.Replies;

/// <summary>Until the plans feature drafts proposals, an arrangement request becomes a task for a person.</summary>
public sealed class ArrangementTasks(ITaskStore tasks) : IArrangementRequests
{
    public async Task<string> RequestAsync(ArrangementRequest request, CancellationToken cancellationToken = default)
    {
        var task = await tasks.OpenAsync(request.CreditorId, TaskKinds.CallDebtor, request.DebtorId, request.CaseId,
            "Payment arrangement requested", request.Note + (request.ProposedInstallment is { } amount ? $" (proposes {amount:0.00})" : ""),
            request.IdempotencyKey + ":arrangement", cancellationToken);
        return task.TaskId;
    }

    public Task<string?> AcceptByReplyAsync(string creditorId, string debtorId, string replyReference, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);
}
