namespace Receivables.Plans;

/// <summary>A request to draft a repayment plan for a debtor (a liquidity reply, a person, or the escalation gate).</summary>
public sealed record ArrangementRequest(
    string CreditorId,
    string DebtorId,
    string? CaseId,
    ArrangementSource Source,
    string Note,
    string IdempotencyKey,
    decimal? ProposedInstallment = null,
    string? ProposedFrequency = null);
