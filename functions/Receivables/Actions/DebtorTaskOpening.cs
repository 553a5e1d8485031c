namespace Receivables.Actions;

/// <summary>
/// What <see cref="ITaskStore.OpenUnlessOpenAsync"/> did: <see cref="Blocked"/> when an open task of the debtor stood in
/// the way (<see cref="Task"/> is that task), else <see cref="Task"/> is the task of the key (opened now or before).
/// </summary>
public sealed record DebtorTaskOpening(WorkTask Task, bool Blocked);
