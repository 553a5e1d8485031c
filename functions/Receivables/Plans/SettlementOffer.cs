namespace Receivables.Plans;

/// <summary>A lump sum that settles the whole claim when paid by the date.</summary>
public sealed record SettlementOffer(decimal Amount, DateOnly PayBy, decimal Percent);
