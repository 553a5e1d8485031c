namespace Receivables.Replies;

/// <summary>A classifier's result on a labelled set.</summary>
public sealed record Accuracy(IReadOnlyList<Scored> Results)
{
    public int Total => Results.Count;

    public int Correct => Results.Count(r => r.Correct);

    public double Ratio => Total == 0 ? 0 : (double)Correct / Total;

    public IEnumerable<Scored> Misses => Results.Where(r => !r.Correct);

    /// <summary>Precision and recall per class (a prediction compatible with the gold label counts as a hit).</summary>
    public IReadOnlyDictionary<ReplyClass, (int Gold, int Predicted, int Hits)> PerClass =>
        Enum.GetValues<ReplyClass>().ToDictionary(c => c, c => (
            Results.Count(r => r.Reply.Label == c),
            Results.Count(r => r.Triage.Class == c),
            Results.Count(r => r.Triage.Class == c && r.Correct)));

    /// <summary>Replies that state a date (gold), and how many got exactly that date.</summary>
    public (int Stated, int Exact) Dates(ReplyClass cls) =>
        (Results.Count(r => r.Reply.Label == cls && r.Reply.ExpectedDate is not null),
         Results.Count(r => r.Reply.Label == cls && r.Reply.ExpectedDate is { } d && r.Triage.Values.Date == d));

    /// <summary>Disputes or liquidity replies that were read as a promise or as already paid (must be zero).</summary>
    public int UnsafeMisses => Results.Count(r => r.Reply.Label is ReplyClass.Dispute or ReplyClass.Liquidity && r.Triage.Class is ReplyClass.PromiseToPay or ReplyClass.AlreadyPaid);

    public (int Gold, int Flagged, int FalseFlags) Injections =>
        (Results.Count(r => r.Reply.Injection), Results.Count(r => r.Reply.Injection && r.Triage.Flags.Contains("instruction-in-reply")),
         Results.Count(r => !r.Reply.Injection && r.Triage.Flags.Contains("instruction-in-reply")));
}
