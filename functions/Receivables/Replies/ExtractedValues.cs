namespace Receivables.Replies;

/// <summary>Dates and amounts stated in a reply, relative to the day it was received.</summary>
public sealed record ExtractedValues(DateOnly? Date, decimal? Amount, decimal? Fraction, IReadOnlyList<string> InvoiceNumbers)
{
    /// <summary>How often an offered installment is paid: <c>weekly</c>, <c>biweekly</c> or <c>monthly</c>; null when not said.</summary>
    public string? Frequency { get; init; }

    /// <summary>The text the date was read from (evidence: "uke 49", "neste fredag").</summary>
    public string? DateText { get; init; }

    /// <summary>Addresses named in the reply (a new contact, a failing recipient of a delivery report).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
}
