using Receivables.Ledger;

namespace Receivables.Escalation;

/// <summary>Gathers a debtor's <see cref="EscalationFacts"/> and asks the <see cref="EscalationGate"/>.</summary>
public interface IEscalationAdvisor
{
    Task<EscalationAdvice> AdviseAsync(DebtorLedger lines, string caseId, DateOnly asOf, CancellationToken cancellationToken = default);
}
