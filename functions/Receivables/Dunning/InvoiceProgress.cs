namespace Receivables.Dunning;

/// <summary>How far one invoice has come on the ladder.</summary>
public sealed class InvoiceProgress
{
    public string InvoiceNumber { get; set; } = "";

    /// <summary>How many levels have been done (0: none yet; 1: the first level was sent, ...).</summary>
    public int Level { get; set; }

    public DateOnly? LastSent { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>The open amount when the last message was sent; a lower amount later is a partial payment.</summary>
    public decimal? OpenAtLastMessage { get; set; }

    /// <summary>Set when a partial payment was seen: the next step waits its interval from this date (re-anchoring).</summary>
    public DateOnly? AnchoredOn { get; set; }

    public List<ChargedFee> Fees { get; set; } = [];

    /// <summary>
    /// The invoice's open amounts over time, as the cycle saw them, so that late-payment interest runs on what was
    /// unpaid on each day rather than on today's balance back to the due date.
    /// </summary>
    public List<BalanceStep> Balances { get; set; } = [];

    /// <summary>The § 3a compensation (before fees) once it has been claimed; it stays claimed.</summary>
    public decimal? CompensationClaimed { get; set; }
}
