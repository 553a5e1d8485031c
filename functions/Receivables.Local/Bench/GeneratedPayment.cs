namespace Receivables.Local.Bench;

/// <summary>A payment to write into a generated bank file.</summary>
public sealed record GeneratedPayment(
    decimal Amount,
    DateOnly Date,
    string? Kid = null,
    string? Text = null,
    string? PayerAccount = null,
    bool Reversal = false,
    string? Rf = null,
    string? Payer = null,
    string? Reference = null,
    string Currency = "NOK");
