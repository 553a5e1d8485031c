using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;

namespace Receivables.Plans;

/// <summary>
/// Writes to the debtor about a plan: the proposal (terms from the <c>plan-terms</c> template, optionally reworded by
/// the model with every number checked, the agreement as a PDF), the confirmation of acceptance and the notice of a
/// missed installment. Every letter that asks for money names the amount, the deadline, the account and the plan's
/// KID. Wording lives in the Liquid templates; this class supplies the figures (<see cref="Figures"/>).
/// </summary>
public sealed class PlanLetters(
    CaseMessenger mail,
    ICaseActions cases,
    IMessageRenderer renderer,
    IPlanWording wording,
    ILedgerReader ledger,
    IEvidenceArchive archive,
    IOptions<PlanPolicy> policy,
    ICreditorDirectory creditors,
    BusinessClock clock,
    ILogger<PlanLetters> logger)
{
    /// <summary>Days the debtor gets to pay a missed installment, counted from the notice (then the next business day).</summary>
    public const int MissedPayDays = 7;

    /// <summary>Sends the proposal once; returns the sent message and which wording was used (template or model).</summary>
    public async Task<(SentEmail Sent, string Wording)> SendProposalAsync(RepaymentPlan plan, CaseView view, string actor, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(plan, cancellationToken);
        var figures = (string language) => Figures(plan, language, account);
        var termsDocument = await mail.DocumentAsync(view, PlanTemplates.Terms, figures, cancellationToken)
            ?? throw new ReceivablesException($"Plan {plan.PlanId} cannot be sent: the debtor has no email address or nothing open in the latest ledger.");
        var language = termsDocument.Language is "en" ? "en" : "nb";
        var terms = (await renderer.RenderPartsAsync(termsDocument, cancellationToken)).GetValueOrDefault("terms") ?? "";
        var used = "template";
        if (await wording.RewriteAsync(terms, language, cancellationToken) is { } rewrite)
        {
            var differences = NumberCheck.Differences(terms, rewrite);
            if (differences.Count == 0)
            {
                terms = rewrite;
                used = "model";
            }
            else
            {
                logger.LogWarning("Model wording of plan {PlanId} discarded: its numbers differ ({Differences})", plan.PlanId, string.Join("; ", differences));
                await PlanEvidence.AppendAsync(archive, clock, plan, EvidenceKinds.Decision, "Model wording discarded: numbers differ", Actors.Rule, "wording-discarded", new { differences, rewrite }, cancellationToken);
            }
        }

        var pdf = await AgreementAsync(plan, termsDocument with { Template = PlanTemplates.Agreement }, cancellationToken);
        var fileName = $"{(language == "en" ? "repayment-agreement" : "nedbetalingsavtale")}-{plan.PlanId}.pdf";
        var sent = await mail.SendAsync(
            view,
            MessageTemplates.PlanProposal,
            "plan:" + plan.PlanId + ":proposal",
            l => new Dictionary<string, string>(Figures(plan, l, account)) { ["Terms"] = terms },
            actor,
            cancellationToken,
            [new EmailAttachment(fileName, "application/pdf", pdf)])
            ?? throw new ReceivablesException($"Plan {plan.PlanId} cannot be sent: the debtor has no email address or nothing open in the latest ledger.");
        return (sent, used);
    }

    /// <summary>The proposal and its terms as <see cref="SendProposalAsync"/> would write them today (template wording), without sending.</summary>
    public async Task<(RenderedMessage Letter, string Terms)?> PreviewProposalAsync(RepaymentPlan plan, CancellationToken cancellationToken)
    {
        var account = await AccountAsync(plan, cancellationToken);
        if (await cases.GetAsync(plan.CreditorId, plan.DebtorId, cancellationToken) is not { } view
            || await mail.DocumentAsync(view, PlanTemplates.Terms, l => Figures(plan, l, account), cancellationToken) is not { } termsDocument)
        {
            return null;
        }

        var terms = (await renderer.RenderPartsAsync(termsDocument, cancellationToken)).GetValueOrDefault("terms") ?? "";
        var letter = await mail.PreviewAsync(view, MessageTemplates.PlanProposal, l => new Dictionary<string, string>(Figures(plan, l, account)) { ["Terms"] = terms }, cancellationToken);
        return letter is null ? null : (letter, terms);
    }

    /// <summary>The agreement PDF in the debtor's language (also what <c>render-samples</c> writes).</summary>
    public async Task<byte[]> AgreementAsync(RepaymentPlan plan, ReminderDocument agreementDocument, CancellationToken cancellationToken)
    {
        var words = await renderer.RenderPartsAsync(agreementDocument, cancellationToken);
        var creditor = (await creditors.FindAsync(plan.CreditorId, cancellationToken))?.Profile
            ?? throw new ReceivablesException($"Plan {plan.PlanId}: creditor '{plan.CreditorId}' is not in the creditor registry or settings (retired?); the agreement cannot name it.");
        var debtor = (await ledger.GetDebtorAsync(plan.CreditorId, plan.DebtorId, cancellationToken))?.Debtor;
        return PlanAgreementPdf.Render(plan, words, agreementDocument.Language is "en" ? "en" : "nb", creditor, debtor);
    }

    /// <summary>Confirms the acceptance (or, after the security, that the plan applies) in writing once per step, with the next installment and how to pay it.</summary>
    public async Task<SentEmail?> SendAcceptedAsync(RepaymentPlan plan, CaseView view, string actor, string step, CancellationToken cancellationToken)
    {
        var next = plan.Installments.FirstOrDefault(i => !plan.PaidInstallments.Contains(i.Number)) ?? plan.Installments[^1];
        var account = await AccountAsync(plan, cancellationToken);
        return await mail.SendAsync(view, MessageTemplates.PlanAccepted, "plan:" + plan.PlanId + ":" + step, language =>
        {
            var extra = Figures(plan, language, account);
            extra["PayAmount"] = LetterFormat.Amount(next.Amount, plan.Currency, language);
            extra["PayBy"] = LetterFormat.Date(next.DueDate, language);
            extra["Balance"] = LetterFormat.Amount(plan.TotalToPay - plan.Paid, plan.Currency, language);
            if (plan.Status == PlanStatus.AwaitingSecurity)
            {
                extra["AwaitingSecurity"] = "yes";
            }

            return extra;
        }, actor, cancellationToken);
    }

    /// <summary>
    /// The notice of a missed installment: what is overdue under the plan (installments due by now less what was paid),
    /// to pay within <see cref="MissedPayDays"/> days to the creditor's account with the plan's KID, and the balance left.
    /// </summary>
    public async Task<SentEmail?> SendMissedAsync(RepaymentPlan plan, AgreedInstallment missed, DateOnly asOf, CancellationToken cancellationToken)
    {
        var view = await cases.GetAsync(plan.CreditorId, plan.DebtorId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var dueByNow = plan.Installments.Where(i => i.DueDate <= asOf).Sum(i => i.Amount);
        var overdue = Math.Max(missed.Amount, dueByNow - plan.Paid);
        var payBy = NorwegianCalendar.OnOrNextBusinessDay(clock.Today.AddDays(MissedPayDays));
        var lastChance = policy.Value.MissTolerance - plan.Missed.Count <= 0;
        var account = await AccountAsync(plan, cancellationToken);
        return await mail.SendAsync(view, MessageTemplates.PlanMissed, $"plan:{plan.PlanId}:missed:{missed.Number}", language =>
        {
            var extra = Figures(plan, language, account);
            extra["Installment"] = missed.Number.ToString(CultureInfo.InvariantCulture);
            extra["InstallmentAmount"] = LetterFormat.Amount(missed.Amount, plan.Currency, language);
            extra["InstallmentDue"] = LetterFormat.Date(missed.DueDate, language);
            extra["PayAmount"] = LetterFormat.Amount(overdue, plan.Currency, language);
            extra["PayBy"] = LetterFormat.Date(payBy, language);
            extra["Balance"] = LetterFormat.Amount(Math.Max(0m, plan.TotalToPay - plan.Paid - overdue), plan.Currency, language);
            if (lastChance)
            {
                extra["LastChance"] = "yes";
            }

            return extra;
        }, Actors.Rule, cancellationToken);
    }

    /// <summary>
    /// The plan's figures formatted for a letter in <paramref name="language"/>; keys that do not apply are left out (so
    /// a template's <c>{% if extra.X %}</c> is false).
    /// </summary>
    private Dictionary<string, string> Figures(RepaymentPlan plan, string language, string? bankAccount) =>
        Figures(plan, language, policy.Value, bankAccount);

    /// <summary>The account the plan's installments are paid to: the creditor's, from the registry (or settings).</summary>
    private async Task<string?> AccountAsync(RepaymentPlan plan, CancellationToken cancellationToken) =>
        (await creditors.FindAsync(plan.CreditorId, cancellationToken))?.Profile.BankAccount;

    /// <summary>The same figures for a given policy and account (render-samples uses this without a stored plan).</summary>
    public static Dictionary<string, string> Figures(RepaymentPlan plan, string language, PlanPolicy settings, string? bankAccount)
    {
        string A(decimal amount) => LetterFormat.Amount(amount, plan.Currency, language);
        string D(DateOnly date) => LetterFormat.Date(date, language);
        var costs = PlanCosts.Of(plan);
        var figures = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Plan"] = plan.PlanId,
            ["Claim"] = A(plan.Claim),
            ["StartDate"] = D(plan.StartDate),
            ["Invoices"] = string.Join(", ", plan.CoveredInvoices),
            ["Principal"] = A(costs.Principal),
            ["Total"] = A(costs.Total),
            ["Count"] = plan.Installments.Count.ToString(CultureInfo.InvariantCulture),
            ["FirstAmount"] = A(plan.Installments[0].Amount),
            ["FirstDate"] = D(plan.Installments[0].DueDate),
            ["LastDate"] = D(plan.Installments[^1].DueDate),
            ["Schedule"] = PlanText.ScheduleText(plan, language),
            ["GraceDays"] = settings.GraceDays.ToString(CultureInfo.InvariantCulture),
            ["Tolerance"] = settings.MissTolerance.ToString(CultureInfo.InvariantCulture),
        };

        void Add(string key, decimal amount)
        {
            if (amount > 0m)
            {
                figures[key] = A(amount);
            }
        }

        Add("Fees", costs.FeesIncluded);
        Add("Interest", costs.InterestAccrued);
        Add("Compensation", costs.CompensationIncluded);
        Add("PlanInterest", costs.PlanInterest);
        Add("FeesWaived", costs.FeesWaivedIfKept);
        Add("CompensationWaived", costs.CompensationWaived);
        if (costs.InterestDuringPlanWaived)
        {
            figures["InterestWaived"] = "yes";
        }

        if (costs.FeesWaivedIfKept > 0m || costs.CompensationWaived > 0m || costs.InterestDuringPlanWaived)
        {
            figures["AnyWaived"] = "yes";
        }

        if (plan.Kid is { } kid)
        {
            figures["Kid"] = kid;
        }

        if (MessageModel.FormatAccount(bankAccount) is { } account)
        {
            figures["Account"] = account;
        }

        if (plan.SettlementAmount is { } settlement && plan.SettlementPayBy is { } payBy)
        {
            figures["Settlement"] = A(settlement);
            figures["SettlementBy"] = D(payBy);
        }

        if (plan.RequiresSecurity)
        {
            figures["Security"] = "yes";
        }

        if (plan.AnswerBy is { } answerBy)
        {
            figures["AnswerBy"] = D(answerBy);
        }

        if (plan.DebtorIsBusiness)
        {
            figures["ResumeAfter"] = settings.ResumeDeliveriesAfterInstallments.ToString(CultureInfo.InvariantCulture);
        }

        // The layout prints the plan's payment block instead of the ledger's totals.
        var next = plan.Installments.FirstOrDefault(i => !plan.PaidInstallments.Contains(i.Number)) ?? plan.Installments[0];
        figures["PayAmount"] = A(next.Amount);
        figures["PayBy"] = D(next.DueDate);
        figures["Balance"] = A(Math.Max(0m, plan.TotalToPay - plan.Paid));
        return figures;
    }
}
