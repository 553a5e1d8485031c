namespace Receivables.Dunning;

public sealed class InkassosatsOptions
{
    public DateOnly From { get; set; }

    public decimal Amount { get; set; }
}
