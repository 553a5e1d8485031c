using System.ComponentModel.DataAnnotations;

namespace Receivables.Payments;

/// <summary>Settings of bank payment import, bound from <c>Receivables:Payments</c> (<c>Receivables__Payments__...</c>).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Receivables:Payments";

    /// <summary>
    /// Days after its booking date that a matched bank payment may stay unseen in the ledger before a reconciliation
    /// task opens (the ledger export should show it by then).
    /// </summary>
    [Range(1, 90)]
    public int ReconcileAfterDays { get; init; } = 5;

    /// <summary>Transactions matched and stored per batch (one table transaction per batch and partition).</summary>
    [Range(10, 100)]
    public int BatchSize { get; init; } = 100;
}
