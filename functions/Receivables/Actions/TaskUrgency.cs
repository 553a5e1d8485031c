using System.Globalization;

namespace Receivables.Actions;

/// <summary>
/// The order of the open tasks on Today and in the Today index: priority (high, normal, low), then the date the task is
/// due, then the kind (money and promises before housekeeping), then the largest amount, then the oldest.
/// <see cref="SortKey"/> encodes that order as a fixed-width string, so that an ordinal sort of the keys is the order.
/// </summary>
public static class TaskUrgency
{
    /// <summary>Within a priority and due date: decisions that hold money or a promise come before housekeeping.</summary>
    public static readonly IReadOnlyList<string> KindOrder =
    [
        TaskKinds.CallDebtor, TaskKinds.ReviewDispute, TaskKinds.ApprovePlan, TaskKinds.DecideEscalation, TaskKinds.ApproveSetOff,
        Payments.PaymentTaskKinds.UnplacedPayment, Payments.PaymentTaskKinds.Overpayment, Payments.PaymentTaskKinds.UnplacedReversal, Payments.PaymentTaskKinds.ReconcilePayment,
        TaskKinds.InvalidEmail, TaskKinds.ReviewReply, TaskKinds.UnmatchedReply, TaskKinds.ContactChange, TaskKinds.BookCreditNote,
    ];

    /// <summary>Amounts beyond this (either sign) sort as this; no claim comes near it.</summary>
    private const decimal AmountLimit = 100_000_000_000_000m;

    /// <summary>Amounts are compared to the ten-thousandth.</summary>
    private const decimal AmountScale = 10_000m;

    /// <summary>Kinds not in <see cref="KindOrder"/> come after every listed kind.</summary>
    public static int KindRank(string kind)
    {
        for (var i = 0; i < KindOrder.Count; i++)
        {
            if (KindOrder[i] == kind)
            {
                return i;
            }
        }

        return KindOrder.Count;
    }

    /// <summary>
    /// The task's place in the order as a string of fixed width (<see cref="SortKeyLength"/> characters): an ordinal
    /// comparison of two keys compares priority, due date (none: last), kind, amount (largest first; none: as zero) and
    /// the time it opened, in that order.
    /// </summary>
    public static string SortKey(WorkTask task)
    {
        var amount = Math.Clamp(task.Facts.Amount ?? 0m, -AmountLimit, AmountLimit);
        var descending = (AmountLimit * AmountScale) - decimal.Round(amount * AmountScale, 0, MidpointRounding.ToZero);
        var due = task.Facts.DueDate ?? DateOnly.MaxValue;
        return string.Create(CultureInfo.InvariantCulture,
            $"{TaskPriorities.Rank(task.Facts.Priority)}{due:yyyyMMdd}{KindRank(task.Kind):D2}{descending:0000000000000000000}{Math.Max(0L, task.CreatedAt.UtcTicks):D19}");
    }

    /// <summary>Priority 1, due date 8, kind 2, amount 19, opened 19.</summary>
    public const int SortKeyLength = 49;
}
