namespace Receivables.Ledger.Parsing;

/// <summary>
/// An EHF / PEPPOL BIS Billing 3.0 invoice or credit note as the document says it, for a copy to the buyer: parties,
/// dates, lines, VAT breakdown, totals, payment means, notes and embedded attachments. Amounts are as written (decimal).
/// </summary>
public sealed record EhfDocument(
    bool IsCreditNote,
    string Number,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    string Currency,
    EhfDocument.Party Seller,
    EhfDocument.Party Buyer,
    string? BuyerReference,
    string? OrderReference,
    IReadOnlyList<string> Notes,
    IReadOnlyList<EhfDocument.Line> Lines,
    IReadOnlyList<EhfDocument.Charge> Charges,
    IReadOnlyList<EhfDocument.Vat> VatBreakdown,
    decimal? VatTotal,
    EhfDocument.Totals Total,
    IReadOnlyList<EhfDocument.Payment> PaymentMeans,
    string? PaymentTerms,
    IReadOnlyList<EhfDocument.Attachment> Attachments)
{
    public sealed record Party(string Name, string? OrgNumber, string? VatNumber, IReadOnlyList<string> Address, string? Email);

    public sealed record Line(string Id, string Name, string? Description, decimal? Quantity, string? Unit, decimal? UnitPrice, decimal? Amount, string? VatCategory, decimal? VatPercent, string? Note);

    /// <summary>A document-level allowance (negative) or charge.</summary>
    public sealed record Charge(bool IsCharge, string Reason, decimal Amount);

    public sealed record Vat(string Category, decimal? Percent, decimal? Taxable, decimal? Tax, string? ExemptionReason);

    public sealed record Totals(decimal? LineTotal, decimal? AllowanceTotal, decimal? ChargeTotal, decimal? TaxExclusive, decimal? TaxInclusive, decimal? Prepaid, decimal? Rounding, decimal? Payable);

    public sealed record Payment(string? Code, string? Account, string? Bic, string? PaymentId);

    /// <summary>An embedded attachment: its file name, the type the document claims, and its bytes (undecodable: null).</summary>
    public sealed record Attachment(string Id, string FileName, string? Description, string? MimeCode, byte[]? Content)
    {
        /// <summary>Whether the bytes are a PDF (they start with %PDF), whatever type the document claims.</summary>
        public bool IsPdf => Content is { Length: > 4 } c && c.AsSpan(0, 4).SequenceEqual("%PDF"u8);
    }
}
