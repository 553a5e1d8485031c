namespace Receivables.Dunning;

/// <summary>A message decided by the cycle and not yet confirmed sent by the send-reminder handler.</summary>
public sealed record PendingMessage(
    string Key,
    int Level,
    string Template,
    DateOnly CycleDate,
    DateOnly Deadline,
    IReadOnlyList<string> InvoiceNumbers)
{
    /// <summary>
    /// When the cycle last queued it (null: not yet). A run finding it still pending longer than
    /// <see cref="DunningOptions.RequeuePendingAfter"/> after that queues it again: its queue message is gone.
    /// </summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Where each invoice stood before this message moved it (to put it back when the message cannot be sent).</summary>
    public IReadOnlyList<StepBefore> Before { get; init; } = [];
}
