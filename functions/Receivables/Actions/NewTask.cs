namespace Receivables.Actions;

/// <summary>A task to open with <see cref="ITaskStore.OpenManyAsync"/>: what <see cref="ITaskStore.OpenAsync"/> takes, for one of many.</summary>
public sealed record NewTask(string Kind, string? DebtorId, string? CaseId, string Title, string Details, string IdempotencyKey, TaskFacts? Facts = null);
