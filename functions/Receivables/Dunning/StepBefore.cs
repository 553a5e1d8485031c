namespace Receivables.Dunning;

/// <summary>
/// Where one invoice stood on the ladder before a message moved it: a message that cannot be sent puts the invoice
/// back here, so that a level counts only once its message went out.
/// </summary>
public sealed record StepBefore(string InvoiceNumber, int Level, DateOnly? LastSent, DateOnly? Deadline, int Fees, decimal? CompensationClaimed, decimal? OpenAtLastMessage)
{
    public static StepBefore Of(string invoiceNumber, InvoiceProgress progress) =>
        new(invoiceNumber, progress.Level, progress.LastSent, progress.Deadline, progress.Fees.Count, progress.CompensationClaimed, progress.OpenAtLastMessage);

    /// <summary>Puts <paramref name="progress"/> back where it stood (fees charged since are dropped).</summary>
    public void Restore(InvoiceProgress progress)
    {
        progress.Level = Level;
        progress.LastSent = LastSent;
        progress.Deadline = Deadline;
        if (progress.Fees.Count > Fees)
        {
            progress.Fees.RemoveRange(Fees, progress.Fees.Count - Fees);
        }

        progress.CompensationClaimed = CompensationClaimed;
        progress.OpenAtLastMessage = OpenAtLastMessage;
    }
}
