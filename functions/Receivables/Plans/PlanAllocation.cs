namespace Receivables.Plans;

/// <summary>
/// How a payment made with a plan's KID (<see cref="PlanReference"/>) is spread over the invoices the plan covers:
/// oldest due date first (then invoice number), each invoice up to its open amount; credit notes and paid invoices
/// take nothing. What is left after every covered invoice is paid is <see cref="Result.Unallocated"/> (an overpayment
/// for a person to look at).
/// </summary>
public static class PlanAllocation
{
    public sealed record Result(IReadOnlyList<PlanAllocationLine> Lines, decimal Unallocated);

    public static Result Allocate(decimal amount, IEnumerable<PlanInvoiceBalance> covered)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A payment is not negative.");
        }

        var left = amount;
        var lines = new List<PlanAllocationLine>();
        foreach (var invoice in covered.Where(i => i.Open > 0m).OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal))
        {
            if (left <= 0m)
            {
                break;
            }

            var part = Math.Min(left, invoice.Open);
            lines.Add(new PlanAllocationLine(invoice.InvoiceNumber, part));
            left -= part;
        }

        return new Result(lines, left);
    }
}
