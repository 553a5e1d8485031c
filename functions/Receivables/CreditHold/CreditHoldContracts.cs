using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Receivables.CreditHold;

/// <summary>The two signals: hold deliveries to the debtor, or lift that hold.</summary>
public static class CreditHoldSignals
{
    public const string Hold = "hold";
    public const string Lifted = "lifted";

    /// <summary>The schema id carried by every message; docs/credit-hold.schema.json documents its shape.</summary>
    public const string Schema = "receivables.credit-hold/1";
}

/// <summary>
/// One credit-hold signal, on the <c>credit-hold</c> queue and POSTed to the ERP's webhook. Documented in
/// docs/credit-hold.schema.json; <see cref="SignalId"/> is unique per signal (use it to deduplicate).
/// </summary>
public sealed record CreditHoldMessage(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("signalId")] string SignalId,
    [property: JsonPropertyName("signal")] string Signal,
    [property: JsonPropertyName("holdId")] string HoldId,
    [property: JsonPropertyName("creditorId")] string CreditorId,
    [property: JsonPropertyName("debtorId")] string DebtorId,
    [property: JsonPropertyName("debtorName")] string DebtorName,
    [property: JsonPropertyName("orgNumber")] string? OrgNumber,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("overdueAmount")] decimal OverdueAmount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("asOf")] DateOnly AsOf,
    [property: JsonPropertyName("occurredAt")] DateTimeOffset OccurredAt);

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
