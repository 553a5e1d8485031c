namespace Receivables.Evidence;

/// <summary>
/// A letter to the debtor as a court reads it in the timeline: its type in the creditor's language (påminnelse, purring,
/// inkassovarsel, ...), date, channel, recipient, invoices, amount and deadline.
/// </summary>
public sealed record EvidenceLetter(string Type, DateOnly Date, string Channel, string Recipient, string Invoices, string? Amount, DateOnly? Deadline);
