namespace Receivables.Contact;

/// <summary>The outcome words of a call task (<c>tasks done &lt;id&gt; --outcome ...</c>).</summary>
public static class CallOutcomes
{
    public const string Promise = "promise";
    public const string Dispute = "dispute";
    public const string Plan = "plan";
    public const string NoAnswer = "no-answer";

    public static readonly IReadOnlyList<string> All = [Promise, Dispute, Plan, NoAnswer];
}
