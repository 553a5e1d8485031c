namespace Receivables.Replies;

/// <summary>One reply's result.</summary>
public sealed record Scored(LabelledReply Reply, Triage Triage)
{
    /// <summary>Abstaining counts as Other; the new classes count as the old ones a set labelled with nine classes uses.</summary>
    public bool Correct => Compatible(Reply.Label, Triage.Class);

    public static bool Compatible(ReplyClass gold, ReplyClass got) =>
        gold == got
        || (gold == ReplyClass.Other && got is ReplyClass.Question)
        || (got == ReplyClass.DeliveryFailure && gold is ReplyClass.AutoReply or ReplyClass.Other);
}
