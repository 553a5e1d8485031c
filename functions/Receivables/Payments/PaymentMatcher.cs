using System.Globalization;
using Receivables.Ledger;

namespace Receivables.Payments;

/// <summary>
/// Places one incoming payment on open invoices, in this order: its KID (check digit valid, MOD10 or MOD11 as the
/// ledger's KIDs); its ISO 11649 RF reference (check valid), whose body is an invoice number or KID; an invoice number
/// or KID named in the free text whose open amount equals the payment exactly (and no other candidate does). A
/// payment placed by KID or RF covers its invoice first (a repayment plan's KID, <see cref="IPaymentReferences"/>: the
/// plan's invoices, oldest due date first); what is left covers the same debtor's other open invoices in
/// the same currency, oldest due date first; what is still left is an overpayment, kept on the payment and shown.
/// Otherwise the payment is not placed. Pure: no storage.
/// </summary>
public static class PaymentMatcher
{
    public static MatchDecision Match(BankTransaction payment, OpenItemIndex index)
    {
        if (payment.Kid is { } kid)
        {
            if (!Kid.IsValid(kid))
            {
                // Falls through to the other rules; the reason says why the KID was not used.
            }
            else if (index.ByKid(kid) is { } byKid && byKid.Currency == payment.Currency)
            {
                return Allocate(MatchRule.Kid, payment, byKid, index, $"KID {kid} is invoice {byKid.InvoiceNumber}");
            }
            else if (index.ByReference(kid) is { } group && group.Items[0].Currency == payment.Currency)
            {
                // One KID for several invoices (a repayment plan): oldest due date first, then the debtor's other invoices.
                return Allocate(MatchRule.Kid, payment, group.Items, index, $"KID {kid} is {group.Reference.Description} (invoices {string.Join(", ", group.Items.Select(i => i.InvoiceNumber))}, oldest first)");
            }
        }

        if (payment.CreditorReference is { } rf && CreditorReference.IsValid(rf))
        {
            var body = CreditorReference.Body(rf);
            var target = index.ByInvoice(body) ?? index.ByKid(body) ?? (body.TrimStart('0') is { Length: > 0 } trimmed ? index.ByInvoice(trimmed) : null);
            if (target is not null && target.Currency == payment.Currency)
            {
                return Allocate(MatchRule.Rf, payment, target, index, $"RF reference {rf} names invoice {target.InvoiceNumber}");
            }
        }

        var candidates = Tokens(payment)
            .Select(t => index.ByInvoice(t) ?? index.ByKid(t))
            .OfType<OpenItem>()
            .Distinct()
            .Where(i => i.Currency == payment.Currency && i.Open == payment.Amount)
            .ToList();
        if (candidates.Count == 1)
        {
            var item = candidates[0];
            item.Open -= payment.Amount;
            return new MatchDecision(MatchRule.Text, item.DebtorId, [new PaymentAllocation(item.DebtorId, item.InvoiceNumber, payment.Amount)], 0m,
                $"the text names invoice {item.InvoiceNumber} and the amount equals its open amount");
        }

        var why = payment.Kid is { } k && !Kid.IsValid(k) ? $"KID {k} has a wrong check digit"
            : payment.Kid is { } unknown ? $"KID {unknown} is not an open invoice's"
            : payment.CreditorReference is { } r && !CreditorReference.IsValid(r) ? $"RF reference {r} has a wrong check"
            : payment.CreditorReference is { } r2 ? $"RF reference {r2} names no open invoice"
            : candidates.Count > 1 ? "the text names several open invoices with this amount"
            : "no KID or reference, and the text names no open invoice with exactly this amount";
        return new MatchDecision(MatchRule.None, null, [], 0m, why);
    }

    /// <summary>Words of the free text that could be an invoice number or KID (letters, digits, '-', '/').</summary>
    public static IEnumerable<string> Tokens(BankTransaction payment)
    {
        var text = string.Join(' ', new[] { payment.FreeText, payment.Kid, payment.CreditorReference }.Where(t => t is not null));
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var part = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '/');
            if (part && start < 0)
            {
                start = i;
            }
            else if (!part && start >= 0)
            {
                var token = text[start..i].Trim('-', '/');
                if (token.Any(char.IsDigit))
                {
                    yield return token;
                }

                start = -1;
            }
        }
    }

    private static MatchDecision Allocate(MatchRule rule, BankTransaction payment, OpenItem target, OpenItemIndex index, string reason) =>
        Allocate(rule, payment, [target], index, reason);

    private static MatchDecision Allocate(MatchRule rule, BankTransaction payment, IReadOnlyList<OpenItem> targets, OpenItemIndex index, string reason)
    {
        var allocations = new List<PaymentAllocation>();
        var left = payment.Amount;
        var target = targets[0];
        foreach (var first in targets)
        {
            Take(first);
        }

        foreach (var other in index.OfDebtor(target.DebtorId)
            .Where(i => !targets.Contains(i) && i.Currency == payment.Currency && i.Open > 0m)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal))
        {
            if (left <= 0m)
            {
                break;
            }

            Take(other);
        }

        var text = left > 0m
            ? reason + string.Create(CultureInfo.InvariantCulture, $"; {left:0.00} {payment.Currency} more than the debtor owes is an overpayment")
            : reason;
        return new MatchDecision(rule, target.DebtorId, allocations, left, text);

        void Take(OpenItem item)
        {
            var part = Math.Min(left, Math.Max(0m, item.Open));
            if (part > 0m)
            {
                item.Open -= part;
                left -= part;
                allocations.Add(new PaymentAllocation(item.DebtorId, item.InvoiceNumber, part));
            }
        }
    }
}
