using System.Text.Json.Serialization;

namespace Receivables.CreditHold;

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
