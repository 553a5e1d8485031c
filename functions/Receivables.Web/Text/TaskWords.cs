using Receivables.Actions;
using Receivables.Plans;

namespace Receivables.Web.Text;

/// <summary>
/// A task's title and details in the request's language, worded when shown from what the task stores as data: its
/// kind, its facts (why it opened, amounts, invoices, dates) and the debtor's name; an approval also from its plan. A
/// task opened before its reason was stored, or of a kind not worded here, shows the title and details it was opened
/// with.
/// </summary>
public sealed class TaskWords(Texts texts)
{
    /// <summary>The task's title; <paramref name="debtorName"/> is the debtor's name as the page knows it.</summary>
    public string Title(WorkTask task, string? debtorName, RepaymentPlan? plan = null)
    {
        var f = task.Facts;
        var name = plan?.DebtorName is { Length: > 0 } planName ? planName : debtorName;
        switch (task.Kind)
        {
            case TaskKinds.CallDebtor when name is not null && f.Reason is TaskReasons.LargeClaim or TaskReasons.BeforeEscalation:
                return texts.Format("title.call-debtor", name);
            case TaskKinds.CallDebtor when name is not null && f is { Reason: TaskReasons.PromiseBroken, AboutDate: { } promised }:
                return texts.Format("title.call-debtor.promise-broken", name, Texts.Date(promised));
            case TaskKinds.ReviewDispute when f is { Reason: TaskReasons.DisputeInReply, AboutDate: { } received }:
                return texts.Format("title.review-dispute.reply", Disputed(f, "title.review-dispute.claim", "title.review-dispute.invoices"), Texts.Date(received));
            case TaskKinds.ReviewDispute when f.Reason is TaskReasons.DisputeOnCall:
                return texts.Format("title.review-dispute.call", Disputed(f, "title.review-dispute.claim", "title.review-dispute.invoices"));
            case TaskKinds.CallDebtor when name is not null && f is { Reason: TaskReasons.RecordedCall, Reference: { } person }:
                return texts.Format("title.recorded-call", name, person);
            case TaskKinds.BookCreditNote when f is { Reason: TaskReasons.DisputeResolved, Amount: { } credited }:
                return texts.Format("title.book-credit-note", Texts.Amount(credited, f.Currency), string.Join(", ", f.Invoices));
            case TaskKinds.ApprovePlan when name is not null && (f.Reason is TaskReasons.PlanDrafted || plan is not null):
                return texts.Format("title.approve-plan", name);
            default:
                return task.Title;
        }
    }

    /// <summary>
    /// The task's details as lines: for a call why it opened, the contact, the claim and the talking points; for a
    /// dispute what is disputed and what deciding it does; for a plan's approval the plan. Otherwise the stored
    /// details, a line per sentence, without the command-line instructions.
    /// </summary>
    public IReadOnlyList<string> Details(WorkTask task, string? debtorName, string? email, RepaymentPlan? plan = null)
    {
        var f = task.Facts;
        switch (task.Kind)
        {
            case TaskKinds.CallDebtor when f.Reason is TaskReasons.LargeClaim or TaskReasons.BeforeEscalation or TaskReasons.PromiseBroken:
                {
                    var lines = new List<string>
                    {
                        f.Reason switch
                        {
                            TaskReasons.LargeClaim => texts.Format("why.large-claim", Money(f.Amount, f), Money(f.Threshold, f)),
                            TaskReasons.PromiseBroken => texts.Format("why.promise-broken", Texts.Date(f.AboutDate), Money(f.Amount, f)),
                            _ => texts["why.before-escalation"],
                        },
                        texts.Format("contact.line", string.Join(", ", new[]
                        {
                            debtorName,
                            email is { Length: > 0 } ? texts.Format("contact.email", email) : texts["contact.no-email"],
                            f.Phone is { Length: > 0 } phone ? texts.Format("contact.phone", phone) : texts["contact.no-phone"],
                        }.Where(p => p is { Length: > 0 }))) + ".",
                    };
                    if (f.Amount is { } amount)
                    {
                        lines.Add(texts.Format(f.Invoices.Count == 1 ? "claim.one" : "claim.many", f.Invoices.Count, string.Join(", ", f.Invoices), Texts.Amount(amount, f.Currency))
                            + (f.DaysOverdue is { } days ? texts.Format("claim.days", days) : "") + ".");
                    }

                    lines.Add(texts["talking-points"]);
                    return lines;
                }

            case TaskKinds.ReviewDispute when f is { Reason: TaskReasons.DisputeInReply, AboutDate: { } received }:
                return [texts.Format("dispute.reply", Disputed(f, "dispute.claim", "dispute.invoices"), Texts.Date(received)), texts["dispute.held"]];
            case TaskKinds.ReviewDispute when f.Reason is TaskReasons.DisputeOnCall:
                return [texts.Format("dispute.call", Disputed(f, "dispute.claim", "dispute.invoices")), texts["dispute.held"]];
            case TaskKinds.CallDebtor when f.Reason is TaskReasons.RecordedCall:
                return [texts["recorded-call"]];
            case TaskKinds.BookCreditNote when f.Reason is TaskReasons.DisputeResolved:
                return [.. new[] { texts.Has("credit-note." + f.Reference) ? texts["credit-note." + f.Reference] : null, texts["credit-note.book"] }.OfType<string>()];
            case TaskKinds.ApprovePlan when plan is not null:
                return Plan(plan);
            default:
                return Stored(task.Details);
        }
    }

    /// <summary>The plan an approval task is about: the id stored with it, or (opened before it was stored) the one its title names.</summary>
    public static string? PlanId(WorkTask task) =>
        task.Kind != TaskKinds.ApprovePlan ? null
        : task.Facts.Reference is { Length: > 0 } reference ? reference
        : task.Title.Split(' ').FirstOrDefault(w => w.Length == 11 && w[0] == 'P');

    private List<string> Plan(RepaymentPlan plan)
    {
        var c = plan.Currency;
        var lines = new List<string> { texts.Format("plan.claim", Texts.Amount(plan.Claim, c), Texts.Amount(plan.Principal, c), Texts.Amount(plan.Fees, c), Texts.Amount(plan.Interest, c), Texts.Amount(plan.Compensation, c)) };
        if (plan.Installments is [var first, ..] && plan.Installments[^1] is var last)
        {
            lines.Add(texts.Format("plan.installments", plan.Installments.Count, texts["freq." + plan.Frequency].ToLower(System.Globalization.CultureInfo.CurrentCulture), Texts.Date(first.DueDate), Texts.Date(last.DueDate), Texts.Amount(first.Amount, c), Texts.Amount(plan.TotalToPay, c)));
        }

        if (plan.Kid is { } kid)
        {
            lines.Add(texts.Format("plan.kid", kid));
        }

        if (plan.FeesWaivedIfKept > 0m)
        {
            lines.Add(texts.Format("plan.fees-waived", Texts.Amount(plan.FeesWaivedIfKept, c)));
        }

        if (plan.CompensationWaived > 0m)
        {
            lines.Add(texts.Format("plan.compensation-waived", Texts.Amount(plan.CompensationWaived, c)));
        }

        if (plan is { SettlementAmount: { } settlement, SettlementPayBy: { } payBy })
        {
            lines.Add(texts.Format("plan.settlement", Texts.Amount(settlement, c), Texts.Date(payBy)));
        }

        if (plan.RequiresSecurity)
        {
            lines.Add(texts["plan.security"]);
        }

        return lines;
    }

    /// <summary>The whole claim, or the invoices a reply named (<see cref="TaskReasons.DisputeInReply"/>).</summary>
    private string Disputed(TaskFacts facts, string claimKey, string invoicesKey) =>
        facts is { Reason: TaskReasons.DisputeInReply, Reference: { Length: > 0 } invoices }
            ? texts.Format(invoicesKey, invoices.Replace(",", ", ", StringComparison.Ordinal))
            : texts[claimKey];

    private static string Money(decimal? amount, TaskFacts facts) => amount is { } a ? Texts.Amount(a, facts.Currency) : "–";

    private static List<string> Stored(string details) =>
        [.. details.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Contains("tasks done <id>", StringComparison.Ordinal))
            .Select(p => p.TrimEnd('.') + ".")];
}
