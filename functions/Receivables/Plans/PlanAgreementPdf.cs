using Receivables.Common;
using Receivables.Email;
using Receivables.Ledger;
using Receivables.Printing;

namespace Receivables.Plans;

/// <summary>
/// The plan agreement (nedbetalingsavtale og gjeldsbekreftelse) as a printable PDF: the parties with organisation
/// numbers, the debt acknowledged, what the claim includes and what is waived, the schedule, the payment reference,
/// what happens on a missed installment, the security clause where the plan asks for security, and signature lines
/// for the debtor, the guarantor (where security is asked) and the creditor. The clauses' words come from the
/// <c>plan-agreement</c> Liquid template (<paramref name="words"/>); every figure from the plan.
/// </summary>
public static class PlanAgreementPdf
{
    public static byte[] Render(RepaymentPlan plan, IReadOnlyDictionary<string, string> words, string language, CreditorOptions creditor, Debtor? debtor)
    {
        string W(string key) => words.GetValueOrDefault(key) ?? key;
        string A(decimal amount) => LetterFormat.Amount(amount, plan.Currency, language);
        var costs = PlanCosts.Of(plan);

        var creditorLine = creditor.Name + (creditor.OrgNumber is { } org ? $", {W("org_label")} {org}" : "") + (creditor.Address is { } address ? ", " + address : "");
        var debtorName = debtor?.Name ?? plan.DebtorName;
        var debtorLine = debtorName + (debtor?.OrgNumber is { Length: > 0 } debtorOrg ? $", {W("org_label")} {debtorOrg}" : $", {W("customer_label")} {plan.DebtorId}");

        var costRows = new List<IReadOnlyList<string>> { new[] { W("principal_label"), A(costs.Principal) } };
        if (costs.FeesIncluded > 0m)
        {
            costRows.Add([W("fees"), A(costs.FeesIncluded)]);
        }

        if (costs.InterestAccrued > 0m)
        {
            costRows.Add([W("interest"), A(costs.InterestAccrued)]);
        }

        if (costs.CompensationIncluded > 0m)
        {
            costRows.Add([W("compensation"), A(costs.CompensationIncluded)]);
        }

        if (costs.PlanInterest > 0m)
        {
            costRows.Add([W("plan_interest"), A(costs.PlanInterest)]);
        }

        costRows.Add([W("total_label"), A(costs.Total)]);
        var columns = W("schedule_columns").Split('|');
        var schedule = plan.Installments
            .Select(i => (IReadOnlyList<string>)[i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), LetterFormat.Date(i.DueDate, language) + (i.IsDownPayment ? $" ({W("down_payment")})" : ""), A(i.Amount)])
            .Append([string.Empty, "Sum", A(plan.TotalToPay)])
            .ToList();

        var blocks = new List<PrintBlock>
        {
            new PrintHeading(W("parties")),
            new PrintParagraph($"{W("creditor_role")}: {creditorLine}"),
            new PrintParagraph($"{W("debtor_role")}: {debtorLine}"),
            new PrintHeading(W("acknowledgement_heading")),
            new PrintParagraph(W("acknowledgement")),
            new PrintTable([W("costs_heading"), ""], costRows, [3, 1], [1], BoldLastRow: true),
        };
        if (costs.FeesWaivedIfKept > 0m || costs.CompensationWaived > 0m || costs.InterestDuringPlanWaived)
        {
            blocks.Add(new PrintParagraph(W("waived").TrimEnd(' ', ';')));
        }

        blocks.Add(new PrintHeading(W("schedule_heading")));
        blocks.Add(new PrintTable(columns, schedule, [1, 4, 3], [2], BoldLastRow: true));
        blocks.Add(new PrintParagraph(W("payment")));
        blocks.Add(new PrintHeading(W("missed_heading")));
        blocks.Add(new PrintParagraph(W("missed")));
        var signers = new List<PrintSigner> { new(W("debtor_role"), debtorName) };
        if (plan.RequiresSecurity)
        {
            blocks.Add(new PrintHeading(W("security_heading")));
            blocks.Add(new PrintParagraph(W("security")));
            signers.Add(new PrintSigner(W("guarantor_role"), null));
        }

        signers.Add(new PrintSigner(W("creditor_role"), creditor.Name));
        blocks.Add(new PrintHeading(W("signatures_heading")));
        blocks.Add(new PrintSignatures(W("place_date"), W("signature"), W("name"), signers));
        return PdfPrinter.Render(new PrintDocument(W("title").ToUpperInvariant(), creditorLine, [], blocks, W("footer"), W("page"), language));
    }
}
