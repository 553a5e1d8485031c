using Receivables.Actions;
using Receivables.Common;

namespace Receivables.Dunning;

/// <summary>
/// A debtor the cycle had to skip becomes work for a person: one <c>cycle-error</c> task per debtor and kind of error
/// (repeated runs that fail the same way add nothing), naming the error, until someone fixes the ledger row or the
/// setting and marks it done.
/// </summary>
public sealed class CycleErrorTasks(ITaskStore tasks) : IDunningStepObserver
{
    public const string Kind = "cycle-error";

    /// <summary>The outcomes a person records (<c>tasks done &lt;id&gt; --outcome fixed</c>).</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["fixed", "ignored"];

    public Task OnStepAsync(DunningStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnFailedAsync(DebtorFailure failure, CancellationToken cancellationToken) =>
        await tasks.OpenAsync(
            failure.CreditorId,
            Kind,
            failure.DebtorId,
            DunningCase.CaseIdFor(failure.CreditorId, failure.DebtorId),
            $"Dunning skipped debtor {DebtorFailure.Short(failure.DebtorId)}: its case could not be processed",
            $"The cycle of {failure.Date:yyyy-MM-dd} could not process this debtor and sent it nothing; every other debtor was processed. " +
            $"Error: {failure.ErrorType}: {failure.Error} " +
            "Correct the debtor's row in the ledger export (or the setting named) and upload it again; the next cycle tries again. Then: tasks done <id> --outcome fixed.",
            $"cycle-error|{failure.CreditorId}|{DebtorShards.HashKey(failure.DebtorId)}|{failure.DebtorId.Length}|{failure.ErrorType}",
            cancellationToken,
            new TaskFacts { Priority = TaskPriorities.High, Reason = TaskReasons.DebtorSkipped, AboutDate = failure.Date, Grounds = ["error:" + failure.ErrorType + ": " + DebtorFailure.Cut(failure.Error, 300)] });
}
