namespace Receivables.Dunning;

/// <summary>
/// An open amount of an invoice and the day it was first seen (after the last day the previous amount was seen);
/// <see cref="DateOnly.MinValue"/> for the amount first seen, which counts from the due date.
/// </summary>
public sealed record BalanceStep(DateOnly From, decimal Amount);
