using System.ComponentModel.DataAnnotations;

namespace Receivables.Contact;

/// <summary>When the system asks a person to call the debtor, bound from <c>Receivables:Contact</c>.</summary>
public sealed class ContactOptions
{
    public const string Section = "Receivables:Contact";

    /// <summary>A claim of at least this much overdue gets a call task when it reaches <see cref="LargeClaimStage"/>.</summary>
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Receivables:Contact:LargeClaimAmount must be 0 or more.")]
    public decimal LargeClaimAmount { get; set; } = 10_000m;

    /// <summary>The ladder stage whose message opens the large-claim call (default: the friendly reminder, so the call comes before the formal reminder). Empty: off.</summary>
    public string LargeClaimStage { get; set; } = Dunning.CaseStages.Friendly;

    /// <summary>The stage whose message always opens a call, whatever the amount (default: the collection notice, the last step before escalation). Empty: off.</summary>
    public string AlwaysCallAtStage { get; set; } = Dunning.CaseStages.CollectionNotice;
}
