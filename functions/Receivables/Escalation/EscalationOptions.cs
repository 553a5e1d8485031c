using System.ComponentModel.DataAnnotations;

namespace Receivables.Escalation;

/// <summary>Thresholds of the escalation gate, bound from <c>Receivables:Escalation</c>.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Receivables:Escalation";

    /// <summary>Below this overdue amount a collection agency costs more than it recovers: write down instead.</summary>
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Receivables:Escalation:MinimumForCollection must be 0 or more.")]
    public decimal MinimumForCollection { get; set; } = 500m;

    /// <summary>From this many broken plans on, the gate no longer recommends another plan.</summary>
    [Range(1, 100, ErrorMessage = "Receivables:Escalation:MaxBrokenPlans must be 1..100.")]
    public int MaxBrokenPlans { get; set; } = 2;

    /// <summary>A responsive debtor (a promise to pay) whose oldest claim is at most this many days overdue gets more time.</summary>
    [Range(0, 3650, ErrorMessage = "Receivables:Escalation:ExtendMaxDaysOverdue must be 0..3650.")]
    public int ExtendMaxDaysOverdue { get; set; } = 60;
}
