using Receivables.Actions;
using Receivables.Plans;

namespace Receivables.Web.Text;

/// <summary>
/// A task's title and details in the request's language, worded when shown from what the task stores as data: its
/// kind, its facts (why it opened, amounts, invoices, dates) and the debtor's name; an approval also from its plan. A
/// task opened before its reason was stored, or of a kind not worded here, shows the title and details it was opened
/// with.
/// </summary>
public sealed partial class TaskWords(Texts texts)
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
            case TaskKinds.DecideEscalation when name is not null && f is { Reason: TaskReasons.LadderEnded, Reference: { } recommended } && texts.Has("rec." + recommended):
                return texts.Format("title.decide-escalation", name, texts["rec." + recommended]);
            case TaskKinds.DecideEscalation when name is not null && f is { Reason: TaskReasons.PlanBroken, Reference: { } brokenPlan }:
                return texts.Format("title.plan-broken", brokenPlan, name);
            case TaskKinds.ReviewReply when f is { Reason: TaskReasons.PromiseOutsidePolicy, AboutDate: { } promised }:
                return texts.Format("title.promise-outside-policy", Texts.Date(promised));
            case TaskKinds.ReviewReply when f is { Reason: TaskReasons.UnverifiedSender, Reference: { } sender }:
                return texts.Format("title.unverified-sender", sender);
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.ReplyNotActedOn or TaskReasons.ReplyUnrecognised:
                return WithSubject("title.read-reply", f);
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.LowConfidence:
                return WithSubject("title.low-confidence", f);
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.QuestionUnanswered:
                return WithSubject("title.question-unanswered", f);
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.PlanNotDrafted:
                return WithSubject("title.plan-not-drafted", f);
            case TaskKinds.UnmatchedReply when f.Reason is TaskReasons.ReplyUnmatched:
                return WithSubject("title.reply-unmatched", f);
            case TaskKinds.ContactChange when f.Reason is TaskReasons.ContactChanged:
                return WithSubject("title.contact-changed", f);
            case TaskKinds.InvalidEmail when f is { Reason: TaskReasons.EmailFailing, Reference: { } address }:
                return texts.Format("title.email-failing", address);
            case TaskKinds.ConfirmSecurity when name is not null && f is { Reason: TaskReasons.SecurityAwaited, Reference: { } securedPlan }:
                return texts.Format("title.security-awaited", securedPlan, name);
            case TaskKinds.AddRate when f is { Reason: TaskReasons.RateMissing, AboutDate: { } half }:
                return texts.Format("title.rate-missing", Texts.Date(half));
            case TaskKinds.SendByPost when name is not null && f.Reason is TaskReasons.NoticeToPost:
                return texts.Format("title.notice-to-post", name);
            case TaskKinds.ApproveSetOff when name is not null && f is { Reason: TaskReasons.SetOffProposed, Amount: { } setOff }:
                return texts.Format("title.set-off-proposed", Texts.Amount(setOff, f.Currency), name);
            case TaskKinds.SendFailed when name is not null && f is { Reason: TaskReasons.SendFailed, Threshold: { } level }:
                return texts.Format("title.send-failed", Capitalized(Letter(f.Reference)), (int)level, name);
            case "cycle-error" when f.Reason is TaskReasons.DebtorSkipped:
                return texts.Format("title.debtor-skipped", name ?? task.DebtorId);
            case "unplaced-payment" when f.Reason is TaskReasons.PaymentUnplaced && Paid(f) is { } unplaced:
                return texts.Format("title.payment-unplaced", unplaced, Argument(f, "payer") ?? Argument(f, "account") ?? texts["payment.unknown-payer"]);
            case "overpayment" when name is not null && f is { Reason: TaskReasons.Overpaid, Amount: { } overpaid }:
                return texts.Format("title.overpaid", Texts.Amount(overpaid, f.Currency), name);
            case "unplaced-reversal" when f.Reason is TaskReasons.ReversalUnplaced && Paid(f) is { } reversed:
                return texts.Format("title.reversal-unplaced", reversed);
            case "unplaced-reversal" when name is not null && f.Reason is TaskReasons.ReversalInLedger && Paid(f) is { } reversedPaid:
                return texts.Format("title.reversal-in-ledger", reversedPaid, name);
            case "reconcile-payment" when f is { Reason: TaskReasons.NotInLedger, Reference: { } invoice } && Paid(f) is { } booked:
                return texts.Format("title.not-in-ledger", booked, invoice);
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
            case TaskKinds.DecideEscalation when f.Reason is TaskReasons.LadderEnded && Escalation(f) is { } escalation:
                return escalation;
            case TaskKinds.DecideEscalation when f.Reason is TaskReasons.PlanBroken && Broken(f) is { } broken:
                return broken;
            case TaskKinds.ReviewReply when f is { Reason: TaskReasons.PromiseOutsidePolicy, AboutDate: { } promised, Threshold: { } days }:
                return [texts.Format("promise-outside-policy", Texts.Date(promised), (int)days)];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.UnverifiedSender:
                return [texts.Format("unverified-sender", Class(Argument(f, "class"))), .. SubjectLine(f)];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.ReplyNotActedOn && texts.Has("not-acted-on." + f.Reference):
                return [texts["not-acted-on." + f.Reference], texts["reply.decide"]];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.LowConfidence:
                return [texts.Format("low-confidence", Class(f.Reference)), .. SubjectLine(f)];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.QuestionUnanswered:
                return [texts.Format("question-unanswered", texts.Has("question." + f.Reference) ? texts["question." + f.Reference] : f.Reference)];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.PlanNotDrafted:
                return [texts["plan-not-drafted"]];
            case TaskKinds.ReviewReply when f.Reason is TaskReasons.ReplyUnrecognised:
                return [texts["reply-unrecognised"], texts["reply.decide"]];
            case TaskKinds.UnmatchedReply when f.Reason is TaskReasons.ReplyUnmatched:
                return
                [
                    Argument(f, "cases") is { Length: > 0 } cases
                        ? texts.Format("reply-unmatched.many", cases.Split(',').Length, cases.Replace(",", ", ", StringComparison.Ordinal))
                        : texts["reply-unmatched.none"],
                    texts.Format("reply-unmatched.from", Class(Argument(f, "class")), f.Reference, f.Subject),
                    texts["reply-unmatched.do"],
                ];
            case TaskKinds.ContactChange when f.Reason is TaskReasons.ContactChanged:
                return [texts["contact-changed"]];
            case TaskKinds.InvalidEmail when f is { Reason: TaskReasons.EmailFailing, Reference: { } address }:
                return
                [
                    .. (Argument(f, "event") is { } reported
                        ? new[] { texts.Format("email-failing.event", reported, address), Argument(f, "detail") is { } detail ? texts.Format("email-failing.detail", detail) : null }
                        : [texts.Format("email-failing.report", address)]).OfType<string>(),
                    texts["email-failing.do"],
                ];
            case TaskKinds.ConfirmSecurity when f.Reason is TaskReasons.SecurityAwaited:
                return [texts["security-awaited"], texts["security-awaited.do"]];
            case TaskKinds.AddRate when f is { Reason: TaskReasons.RateMissing, AboutDate: { } half, Threshold: { } rate }:
                return
                [
                    texts.Format("rate-missing", Texts.Date(half), rate.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture), Texts.Date(IsoDate(f.Reference))),
                    texts.Format("rate-missing.do", Texts.Date(half)),
                ];
            case TaskKinds.SendByPost when f is { Reason: TaskReasons.NoticeToPost, Reference: { } to, Threshold: { } confirmDays }:
                return [texts.Format("notice-to-post", to, (int)confirmDays), texts["notice-to-post.do"]];
            case TaskKinds.ApproveSetOff when f is { Reason: TaskReasons.SetOffProposed, Reference: { } proposal }:
                return
                [
                    texts.Format("set-off-proposed", proposal, string.Join(", ", f.Invoices), (Argument(f, "payables") ?? "").Replace(",", ", ", StringComparison.Ordinal)),
                    texts["set-off-proposed.do"],
                ];
            case TaskKinds.SendFailed when f is { Reason: TaskReasons.SendFailed, Threshold: { } failedLevel }:
                return
                [
                    .. new[]
                    {
                        texts.Format("send-failed", Letter(f.Reference), Texts.Date(f.AboutDate), (int)failedLevel, string.Join(", ", f.Invoices)),
                        Argument(f, "error") is { Length: > 0 } error ? texts.Format("send-failed.error", error) : null,
                    }.OfType<string>(),
                    texts["send-failed.held"],
                    texts["send-failed.do"],
                ];
            case "cycle-error" when f.Reason is TaskReasons.DebtorSkipped:
                return
                [
                    .. new[] { texts.Format("debtor-skipped", Texts.Date(f.AboutDate)), Argument(f, "error") is { } failure ? texts.Format("debtor-skipped.error", failure) : null }.OfType<string>(),
                    texts["debtor-skipped.do"],
                ];
            case "unplaced-payment" when f.Reason is TaskReasons.PaymentUnplaced && BankLine(f) is { } line && PaymentWhy(Argument(f, "why")) is { } why:
                return [line, texts.Format("payment.why", why), texts["payment-unplaced.do"]];
            case "overpayment" when f.Reason is TaskReasons.Overpaid && BankLine(f) is { } overpaidLine:
                return [overpaidLine, .. PaymentWhy(Argument(f, "why")) is { } matched ? [texts.Format("payment.why", matched)] : Array.Empty<string>(), texts["overpaid.do"]];
            case "unplaced-reversal" when f.Reason is TaskReasons.ReversalUnplaced && BankLine(f) is { } reversalLine:
                return [reversalLine, texts["reversal-unplaced.why"]];
            case "unplaced-reversal" when f is { Reason: TaskReasons.ReversalInLedger, Threshold: { } inLedger } && BankLine(f) is { } inLedgerLine && Argument(f, "paid")?.Split('|') is [_, var reversalCurrency]:
                return [inLedgerLine, texts.Format("reversal-in-ledger", Texts.Amount(inLedger, reversalCurrency), (Argument(f, "invoices") ?? "").Replace(",", ", ", StringComparison.Ordinal))];
            case "reconcile-payment" when f is { Reason: TaskReasons.NotInLedger, Reference: { } reconciled, Threshold: { } after } && Argument(f, "ledger")?.Split('|', 3) is [var taken, var stillOpen, var file] && Argument(f, "paid")?.Split('|') is [_, var paidCurrency]:
                return
                [
                    texts.Format("not-in-ledger", Texts.Date(f.AboutDate), Texts.Date(IsoDate(taken)), file, Texts.Amount(decimal.Parse(stillOpen, System.Globalization.CultureInfo.InvariantCulture), paidCurrency), reconciled, (int)after),
                    texts["not-in-ledger.do"],
                ];
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

    /// <summary>
    /// Why the ladder handed the case to a person, the gate's recommendation and each of its reasons, worded from the
    /// grounds the gate stored; null when a ground is not known here (the stored details stand).
    /// </summary>
    private List<string>? Escalation(TaskFacts facts)
    {
        var handedOver = Argument(facts, "handed-over");
        if (!texts.Has("rec." + facts.Reference)
            || EscalationGrounds.Sentences(texts, facts.Grounds.Where(g => !g.StartsWith("handed-over:", StringComparison.Ordinal)), facts.Currency) is not { } reasons)
        {
            return null;
        }

        return
        [
            .. handedOver is null ? Array.Empty<string>() : [texts.Format("escalation.handed-over", handedOver.Replace(",", ", ", StringComparison.Ordinal))],
            texts.Format("escalation.recommendation", texts["rec." + facts.Reference]),
            .. reasons,
        ];
    }

    /// <summary>A broken plan: the installments missed, what was paid since acceptance, what to decide; null without its grounds.</summary>
    private List<string>? Broken(TaskFacts facts)
    {
        if (Argument(facts, "missed") is not { Length: > 0 } missed || Argument(facts, "paid")?.Split('|') is not [var paid, var open, var currency])
        {
            return null;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return
        [
            texts.Format("plan-broken.missed", missed.Replace(",", ", ", StringComparison.Ordinal)),
            texts.Format("plan-broken.paid", Texts.Amount(decimal.Parse(paid, inv), currency), Texts.Amount(decimal.Parse(open, inv), currency)),
            texts["plan-broken.next"],
        ];
    }

    /// <summary>A bank line's amount (<c>paid:amount|currency</c>) as the reader writes it, or null when the task stores none.</summary>
    private static string? Paid(TaskFacts facts) =>
        Argument(facts, "paid")?.Split('|') is [var amount, var currency]
            && decimal.TryParse(amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var paid)
            ? Texts.Amount(paid, currency)
            : null;

    /// <summary>The bank line a payment task is about, as a sentence; null when the task stores none.</summary>
    private string? BankLine(TaskFacts facts) =>
        Paid(facts) is not { } paid || IsoDate(Argument(facts, "booked")) is not { } booked ? null
        : texts.Format("payment.line", paid, Texts.Date(booked), Argument(facts, "payer") ?? texts["payment.no-name"], Argument(facts, "account") ?? texts["payment.unknown"],
            Argument(facts, "kid") ?? texts["payment.none"], Argument(facts, "ref") ?? texts["payment.none"], Argument(facts, "text") ?? "");

    /// <summary>Why the payment matcher placed a payment as it did (or could not), in bokmål; null when it is not one of the matcher's reasons.</summary>
    private string? PaymentWhy(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        if (Texts.English)
        {
            return reason;
        }

        var parts = new List<string>();
        foreach (var part in reason.Split("; "))
        {
            var m = PaymentReason().Match(part);
            if (!m.Success)
            {
                return null;
            }

            var g = m.Groups;
            parts.Add(
                g["kidwrong"].Success ? $"KID {g["kidwrong"].Value} har feil kontrollsiffer"
                : g["kidunknown"].Success ? $"KID {g["kidunknown"].Value} hører ikke til noen åpen faktura"
                : g["rfwrong"].Success ? $"RF-referansen {g["rfwrong"].Value} har feil kontrollsiffer"
                : g["rfunknown"].Success ? $"RF-referansen {g["rfunknown"].Value} viser ikke til noen åpen faktura"
                : g["several"].Success ? "teksten nevner flere åpne fakturaer med dette beløpet"
                : g["none"].Success ? "ingen KID eller referanse, og teksten nevner ingen åpen faktura med nøyaktig dette beløpet"
                : g["kidinvoice"].Success ? $"KID {g["kidinvoice"].Value} er faktura {g["invoice"].Value}"
                : g["kidgroup"].Success ? $"KID {g["kidgroup"].Value} gjelder faktura {g["group"].Value} (eldste først)"
                : g["rfinvoice"].Success ? $"RF-referansen {g["rfinvoice"].Value} viser til faktura {g["rfnamed"].Value}"
                : g["textinvoice"].Success ? $"teksten nevner faktura {g["textinvoice"].Value}, og beløpet er lik det som står åpent"
                : $"{Texts.Amount(decimal.Parse(g["over"].Value, System.Globalization.CultureInfo.InvariantCulture), g["overcur"].Value)} mer enn kunden skylder er en overbetaling");
        }

        return string.Join("; ", parts);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:KID (?<kidwrong>\S+) has a wrong check digit|KID (?<kidunknown>\S+) is not an open invoice's|RF reference (?<rfwrong>\S+) has a wrong check|RF reference (?<rfunknown>\S+) names no open invoice|(?<several>the text names several open invoices with this amount)|(?<none>no KID or reference, and the text names no open invoice with exactly this amount)|KID (?<kidinvoice>\S+) is invoice (?<invoice>\S+)|KID (?<kidgroup>\S+) is .+ \(invoices (?<group>.+), oldest first\)|RF reference (?<rfinvoice>\S+) names invoice (?<rfnamed>\S+)|the text names invoice (?<textinvoice>\S+) and the amount equals its open amount|(?<over>\d+(?:\.\d+)?) (?<overcur>[A-Z]{3}) more than the debtor owes is an overpayment)$")]
    private static partial System.Text.RegularExpressions.Regex PaymentReason();

    /// <summary>The title with the debtor's subject after it, or alone when the task stores none.</summary>
    private string WithSubject(string key, TaskFacts facts) =>
        facts.Subject is { Length: > 0 } subject ? texts.Format("title.with-subject", texts[key], subject) : texts[key];

    private IEnumerable<string> SubjectLine(TaskFacts facts) =>
        facts.Subject is { Length: > 0 } subject ? [texts.Format("reply.subject", subject)] : [];

    /// <summary>A reply's class as a reader says it (<c>innsigelse</c>, <c>a dispute</c>).</summary>
    private string Class(string? cls) => cls is null ? "–" : texts.Has("class." + cls) ? texts["class." + cls] : cls;

    /// <summary>A letter template's name as a reader says it ("purring"); a reminder when it is not known.</summary>
    private string Letter(string? template) => texts.Has("letter." + template) ? texts["letter." + template] : texts["letter.reminder"];

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];

    /// <summary>What a ground of the code holds (<c>code:value</c>), or null when the task has none.</summary>
    private static string? Argument(TaskFacts facts, string code) =>
        facts.Grounds.Select(Split).Where(g => g.Code == code).Select(g => g.Value).FirstOrDefault();

    private static (string Code, string Value) Split(string ground) =>
        ground.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (ground[..colon], ground[(colon + 1)..]) : (ground, "");

    private static DateOnly? IsoDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private static string Money(decimal? amount, TaskFacts facts) => amount is { } a ? Texts.Amount(a, facts.Currency) : "–";

    private static List<string> Stored(string details) =>
        [.. details.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Contains("tasks done <id>", StringComparison.Ordinal))
            .Select(p => p.TrimEnd('.') + ".")];
}
