using Receivables.Replies;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>
/// The #16 targets a half of a blind reply set is held to: no dispute or liquidity reply read as a promise or as paid,
/// an accuracy floor, precision of at least 0.95 for every actionable class, and promise dates exact in at least 90 %.
/// </summary>
internal static class BlindSetTargets
{
    private static readonly ReplyClass[] ActionableClasses =
    [
        ReplyClass.PromiseToPay, ReplyClass.Dispute, ReplyClass.Liquidity, ReplyClass.AlreadyPaid, ReplyClass.NotReceived, ReplyClass.CopyRequest, ReplyClass.ContactChange,
    ];

    /// <summary>The rule classifier's result on samples/replies/corpus/<paramref name="file"/>, which holds at least <paramref name="atLeast"/> replies.</summary>
    public static Accuracy Measure(string file, int atLeast)
    {
        var set = LabelledSet.Read(Path.Combine(RepoFiles.Root, "samples", "replies", "corpus", file));
        set.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        return LabelledSet.Evaluate(set);
    }

    public static void ShouldMeetTheTargets(this Accuracy result, double accuracyAtLeast)
    {
        result.UnsafeMisses.ShouldBe(0, "no dispute or liquidity reply may be read as a promise or as paid");
        result.Ratio.ShouldBeGreaterThanOrEqualTo(accuracyAtLeast, string.Join("; ", result.Misses.Select(m => $"{m.Reply.Id}: {m.Triage.Class}")));
        foreach (var cls in ActionableClasses)
        {
            var (_, predicted, hits) = result.PerClass[cls];
            if (predicted > 0)
            {
                ((double)hits / predicted).ShouldBeGreaterThanOrEqualTo(0.95, cls.ToString());
            }
        }

        var (stated, exact) = result.Dates(ReplyClass.PromiseToPay);
        ((double)exact / stated).ShouldBeGreaterThanOrEqualTo(0.9, "promise dates exact");
    }
}
