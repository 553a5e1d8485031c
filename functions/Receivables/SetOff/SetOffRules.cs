using System.Globalization;
using Receivables.Ledger;

namespace Receivables.SetOff;

/// <summary>
/// Set-off (motregning) by customary law: the same parties both ways (matched by organisation number), claims of the
/// same kind (same currency), our claim on the debtor due, and what we owe them payable (we may always pay early).
/// Pure: the conditions checked are stated in words on each candidate.
/// </summary>
public static class SetOffRules
{
    public static IReadOnlyList<SetOffCandidate> Find(IEnumerable<DebtorLedger> debtors, IReadOnlyList<PayableInvoice> payables, DateOnly asOf)
    {
        var bySupplierOrg = payables.Where(p => p.OrgNumber is not null && p.OpenAmount > 0m).ToLookup(p => p.OrgNumber!, StringComparer.Ordinal);
        var found = new List<SetOffCandidate>();
        foreach (var debtor in debtors)
        {
            var org = Digits(debtor.Debtor.OrgNumber);
            if (org is null || !bySupplierOrg.Contains(org))
            {
                continue;
            }

            var owedToUs = debtor.Invoices.Where(i => i.OpenAmount > 0m && i.DueDate < asOf).ToList();
            foreach (var currency in owedToUs.Select(i => i.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var receivables = owedToUs.Where(i => i.Currency == currency).OrderBy(i => i.DueDate).ToList();
                var ours = bySupplierOrg[org].Where(p => p.Currency == currency).OrderBy(p => p.DueDate).ToList();
                if (ours.Count == 0)
                {
                    continue;
                }

                var claim = receivables.Sum(i => i.OpenAmount);
                var debt = ours.Sum(p => p.OpenAmount);
                var amount = Math.Min(claim, debt);
                var conditions = new List<string>
                {
                    $"mutual: {debtor.Debtor.Name} (customer {debtor.Debtor.DebtorId}) and supplier {ours[0].SupplierName} ({ours[0].SupplierId}) have the same organisation number {org}",
                    $"same kind: both claims are money in {currency}",
                    string.Create(CultureInfo.InvariantCulture, $"our claim is due: {receivables.Count} invoice(s) past their due date ({string.Join(", ", receivables.Select(i => $"{i.InvoiceNumber} due {i.DueDate:yyyy-MM-dd}"))}), {claim:0.00} {currency} open"),
                    string.Create(CultureInfo.InvariantCulture, $"what we owe is payable: {ours.Count} supplier invoice(s), {debt:0.00} {currency} open (a debtor may pay before the due date)"),
                    string.Create(CultureInfo.InvariantCulture, $"set-off amount: the lesser of the two, {amount:0.00} {currency}; it takes effect when the written declaration reaches the other party"),
                };
                found.Add(new SetOffCandidate(debtor.Debtor.DebtorId, debtor.Debtor.Name, org, ours[0].SupplierId, currency, amount, receivables, ours, conditions));
            }
        }

        return found;
    }

    /// <summary>The nine digits of an organisation number ("NO 987 654 321 MVA" → "987654321"), or null.</summary>
    public static string? Digits(string? orgNumber)
    {
        if (orgNumber is null)
        {
            return null;
        }

        var digits = new string(orgNumber.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 9 ? digits : null;
    }
}
