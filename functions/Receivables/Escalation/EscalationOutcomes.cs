namespace Receivables.Escalation;

/// <summary>The outcome words of a decide-escalation task.</summary>
public static class EscalationOutcomes
{
    public const string Collection = "collection";
    public const string Plan = "plan";
    public const string Extend = "extend";
    public const string WriteDown = "write-down";

    public static readonly IReadOnlyList<string> All = [Collection, Plan, Extend, WriteDown];

    public static string Of(EscalationRecommendation recommendation) => recommendation switch
    {
        EscalationRecommendation.Collection => Collection,
        EscalationRecommendation.Plan => Plan,
        EscalationRecommendation.ExtendCredit => Extend,
        _ => WriteDown,
    };
}
