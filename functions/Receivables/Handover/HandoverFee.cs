using Receivables.Dunning;

namespace Receivables.Handover;

/// <summary>
/// A fee charged on the invoice: <c>Reminder</c> (purregebyr), <c>CollectionNotice</c> (the fee of the inkassovarsel,
/// inkassoloven § 9, with the notice's deadline) or <c>PaymentDemand</c> (§ 10).
/// </summary>
public sealed record HandoverFee(string Kind, decimal Amount, DateOnly Date, DateOnly? Deadline = null, string Currency = RateTables.Currency);
