using Microsoft.Extensions.Options;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;

namespace Receivables.Escalation;

/// <summary>
/// Facts from the ledger (overdue amounts, part-payments: open amount below the invoice amount), the evidence archive
/// (reminders sent, reply classes archived by the replies feature) and <see cref="IPlanFacts"/> (broken plans).
/// </summary>
public sealed class EscalationAdvisor(IEvidenceReader evidence, IPlanFacts plans, LegalNotices notices, IOptions<EscalationOptions> options) : IEscalationAdvisor
{
    public async Task<EscalationAdvice> AdviseAsync(DebtorLedger lines, string caseId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var debtor = lines.Debtor;
        var overdue = lines.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < asOf).ToList();
        var credits = lines.Invoices.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount);
        var partly = overdue.Where(i => i.OpenAmount < i.Amount).ToList();

        var entries = await evidence.ReadCaseAsync(new EvidenceCaseRef(debtor.CreditorId, debtor.DebtorId, caseId), cancellationToken);
        // Letters that reached the debtor (by email, or another channel a person recorded); a level never sent does not count.
        var sent = notices.Sent(entries.Select(e => e.Entry));
        var reminders = sent.Count;
        var classes = entries
            .Where(e => e.Entry.Kind == EvidenceKinds.Decision && e.Entry.Metadata.ContainsKey("replyId") && e.Entry.Metadata.ContainsKey("class"))
            .Select(e => e.Entry.Metadata["class"])
            .Where(c => c != "AutoReply")
            .ToList();
        var planFacts = await plans.GetAsync(debtor.CreditorId, debtor.DebtorId, cancellationToken);
        var missing = await notices.CheckAsync(debtor, sent, asOf, cancellationToken);

        var facts = new EscalationFacts(
            overdue.Select(i => i.Currency).FirstOrDefault() ?? "NOK",
            Math.Max(0m, overdue.Sum(i => i.OpenAmount) + credits),
            partly.Sum(i => i.Amount - i.OpenAmount),
            overdue.Count,
            partly.Count,
            overdue.Count == 0 ? 0 : asOf.DayNumber - overdue.Min(i => i.DueDate).DayNumber,
            reminders,
            classes.Count,
            classes.Count(c => c == "Liquidity"),
            classes.Count(c => c == "PromiseToPay"),
            classes.Count(c => c == "Dispute"),
            planFacts.Broken,
            planFacts.HasPlanInForce)
        {
            NoticeMissing = missing?.Text,
            NoticeMissingGround = missing?.Ground,
        };
        return EscalationGate.Recommend(facts, options.Value);
    }
}
