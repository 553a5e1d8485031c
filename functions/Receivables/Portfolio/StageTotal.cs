namespace Receivables.Portfolio;

/// <summary>Cases and their open amount per workspace stage and currency.</summary>
public sealed record StageTotal(string Stage, string Currency, int Debtors, decimal Open);
