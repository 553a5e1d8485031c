namespace Receivables.Ledger;

public sealed class DueBucket
{
    public int Count { get; set; }

    public decimal Amount { get; set; }
}
