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

    /// <summary>The default of <see cref="MaxAmount"/>: the ledger's maximum per invoice.</summary>
    public const double DefaultMaxAmount = 1_000_000_000d;

    /// <summary>
    /// The largest amount one bank transaction may have; a file with a larger one is refused with its record and field
    /// (an absurd amount is a corrupt or hostile file, and sums of such amounts overflow).
    /// </summary>
    [Range(typeof(decimal), "1", "1000000000000")]
    public decimal MaxAmount { get; init; } = (decimal)DefaultMaxAmount;
}
