using Receivables.Ledger;

namespace Receivables.Dunning;

public sealed class ClaimStatements(ICaseStore cases, ILedgerReader ledger, DunningPolicies policies) : IClaimStatements
{
    public async Task<ClaimStatement?> GetAsync(string creditorId, string debtorId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var lines = await ledger.GetDebtorAsync(creditorId, debtorId, cancellationToken);
        if (lines is null || lines.Invoices.All(i => i.OpenAmount == 0m))
        {
            return null;
        }

        var state = await cases.GetAsync(creditorId, debtorId, cancellationToken);
        var invoices = lines.Invoices
            .Where(i => i.OpenAmount > 0m)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => ClaimLine.For(i, state?.Invoices.GetValueOrDefault(i.InvoiceNumber), asOf, policies.Rates))
            .ToList();
        var credits = lines.Invoices.Where(i => i.OpenAmount < 0m).Sum(i => i.OpenAmount);
        return new ClaimStatement(creditorId, debtorId, state?.CaseId, lines.Invoices[0].Currency, asOf, invoices, credits);
    }
}
