namespace Receivables.DebtorPage;

/// <summary>What a token opens: the link when it is valid, else nothing (wrong, altered, expired and revoked alike).</summary>
public sealed record LinkCheck(DebtorLink? Valid, DebtorLink? Known);
