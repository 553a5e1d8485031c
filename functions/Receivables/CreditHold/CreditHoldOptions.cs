using System.ComponentModel.DataAnnotations;

namespace Receivables.CreditHold;

/// <summary>When a debtor is put on credit hold and where the signal goes, bound from <c>Receivables:CreditHold</c>.</summary>
public sealed class CreditHoldOptions
{
    public const string Section = "Receivables:CreditHold";

    /// <summary>The ladder stage from which deliveries are held (default: the collection notice). Empty: stage does not hold.</summary>
    public string Stage { get; set; } = Dunning.CaseStages.CollectionNotice;

    /// <summary>Hold also when this much (or more) is overdue, whatever the stage. 0: amount does not hold.</summary>
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Receivables:CreditHold:MinimumOverdue must be 0 or more.")]
    public decimal MinimumOverdue { get; set; }

    /// <summary>The ERP's webhook that receives each signal as a JSON POST. Empty: the queue only.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>When set, each POST carries <see cref="SignatureHeader"/>: <c>sha256=</c> + hex HMAC-SHA256 of the body with this secret.</summary>
    public string WebhookSecret { get; set; } = "";

    public string SignatureHeader { get; set; } = "X-Receivables-Signature";
}
