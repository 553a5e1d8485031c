namespace Receivables.Dunning;

/// <summary>The body of a <see cref="Storage.StorageNames.Queues.SendReminder"/> message: which decided message to send.</summary>
public sealed record SendReminderMessage(string CreditorId, string DebtorId, string Key);
