namespace Receivables.Replies;

/// <summary>One labelled reply: what a person says the reply is (and the date it states, and whether it tries to instruct the system).</summary>
public sealed record LabelledReply(string Id, ReplyClass Label, DateOnly Received, string Subject, string Text)
{
    public DateOnly? ExpectedDate { get; init; }

    public bool Injection { get; init; }

    public bool AutoSubmitted { get; init; }

    public bool DeliveryReport { get; init; }

    /// <summary>Already the debtor's own words (an .eml's parsed body); otherwise quoted history is cut first.</summary>
    public bool Prepared { get; init; }
}
