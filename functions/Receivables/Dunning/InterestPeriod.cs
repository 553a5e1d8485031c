namespace Receivables.Dunning;

/// <summary>
/// One stretch of days at one late-payment rate. <see cref="Provisional"/>: the half-year has no configured rate row, so
/// the last known rate was used and the figure must be checked when the row is added (<see cref="RateTables.MissingHalfYears"/>).
/// </summary>
public sealed record InterestPeriod(DateOnly From, DateOnly To, int Days, decimal RatePercent, decimal Amount, bool Provisional = false);
