using System.Text.RegularExpressions;
using Receivables.Evidence;

namespace Receivables.Web.Text;

/// <summary>
/// A timeline event of the debtor page in the request's language, worded when shown from what the archive stores as
/// data: the event's kind, the letter's template, the case action, the reply's class, the task's kind and outcome, the
/// plan's step. An event not worded here shows the title it was archived with.
/// </summary>
public sealed partial class TimelineWords(Texts texts)
{
    /// <summary>What happened, as the heading of the event.</summary>
    public string Title(EvidenceEntry entry)
    {
        var m = entry.Metadata;
        var key = entry.IdempotencyKey;
        switch (entry.Kind)
        {
            case EvidenceKinds.OutboundEmail when m.TryGetValue("template", out var template) && texts.Has("letter." + template):
                return texts.Format("tl.sent", texts["letter." + template]);
            case EvidenceKinds.Decision when key.StartsWith("decision|", StringComparison.Ordinal) && m.TryGetValue("template", out var decided) && texts.Has("letter." + decided):
                return texts.Format("tl.decision", texts["letter." + decided]);
            case EvidenceKinds.Decision when m.TryGetValue("action", out var action) && texts.Has("tl.case." + action):
                return texts["tl.case." + action];
            case EvidenceKinds.Decision when key.StartsWith("reply-decision:", StringComparison.Ordinal) && m.TryGetValue("class", out var cls) && texts.Has("class." + cls):
                return Classified(entry.Title, cls);
            case EvidenceKinds.Decision when key.StartsWith("call-outcome:", StringComparison.Ordinal) && CallOutcome().Match(entry.Title) is { Success: true } call:
                return texts.Format("tl.call-outcome", texts.Outcome("call-debtor", call.Groups[1].Value));
            case EvidenceKinds.Decision when key.StartsWith("dunning-handover|", StringComparison.Ordinal) && m.TryGetValue("recommendation", out var recommended) && texts.Has("rec." + recommended):
                return texts.Format("tl.handover", texts["rec." + recommended]);
            case EvidenceKinds.Decision when key.StartsWith("escalation-decision:", StringComparison.Ordinal) && m.TryGetValue("escalation", out var escalation):
                return texts.Format("tl.escalation", texts.Outcome("decide-escalation", escalation));
            case EvidenceKinds.Decision when m.TryGetValue("creditHold", out var signal) && texts.Has("tl.credit-hold." + signal):
                return texts["tl.credit-hold." + signal];
            case EvidenceKinds.Decision when key.StartsWith("channel:", StringComparison.Ordinal) && NoticeByEmail().Match(entry.Title) is { Success: true } byEmail:
                return texts.Format(byEmail.Groups[2].Value.StartsWith("address confirmed by ", StringComparison.Ordinal) ? "tl.notice-email.confirmed" : "tl.notice-email.unconfirmed", byEmail.Groups[1].Value);
            case Receivables.Channel.ChannelMetadata.PrintedLetterKind when ToPost().Match(entry.Title) is { Success: true } toPost:
                return texts.Format("tl.notice-post", toPost.Groups[1].Value);
            case EvidenceKinds.InboundReply when key.StartsWith("reply:", StringComparison.Ordinal) && entry.Title.StartsWith("Reply: ", StringComparison.Ordinal):
                return texts.Format("tl.reply", entry.Title["Reply: ".Length..]);
            case EvidenceKinds.Task when TaskEvent().Match(entry.Title) is { Success: true } task:
                return task.Groups[2].Value == "done"
                    ? texts.Format("tl.task-done", Kind(task.Groups[1].Value), texts.Outcome(task.Groups[1].Value, task.Groups[3].Value))
                    : texts.Format("tl.task-closed", Kind(task.Groups[1].Value));
            default:
                return m.TryGetValue("plan", out _) && PlanStep().Match(key) is { Success: true } plan && Plan(plan.Groups[1].Value, plan.Groups[2].Value) is { } step
                    ? step
                    : entry.Title;
        }
    }

    /// <summary>
    /// The line under the heading: the archived summary, or nothing when the heading already says it (a task's or a
    /// plan's step, whose summary repeats the English title), or a task's note.
    /// </summary>
    public string? Summary(EvidenceEntry entry)
    {
        if (!entry.Metadata.TryGetValue(EvidenceMetadata.Summary, out var summary))
        {
            return null;
        }

        if (!Texts.English && entry.IdempotencyKey.StartsWith("call-outcome:", StringComparison.Ordinal) && CallSummary().Match(summary) is { Success: true } call)
        {
            // "Call <task>: <outcome>; <effect>": the heading names the outcome; the effect is said in bokmål when known.
            return CallEffect(call.Groups[1].Value) ?? summary;
        }

        if (!Texts.English && entry.IdempotencyKey.StartsWith("dunning-handover|", StringComparison.Ordinal)
            && entry.Metadata.TryGetValue("grounds", out var grounds) && grounds.Length > 0
            && EscalationGrounds.Sentences(texts, grounds.Split('\n'), Currency(summary)) is { } reasons)
        {
            // "Recommendation: collection. Reasons: ...": the heading names the recommendation; the reasons from their grounds.
            return texts["tl.reasons"] + " " + string.Join(" ", reasons);
        }

        if (!Texts.English && entry.IdempotencyKey.StartsWith("escalation-decision:", StringComparison.Ordinal)
            && summary.IndexOf("; ", StringComparison.Ordinal) is var effectAt and > 0 && EffectWords.Effect(summary[(effectAt + 2)..]) is { } effect)
        {
            // "Escalation: extend; credit extended: ...": the heading names the outcome; what it did in bokmål.
            return effect;
        }

        if (!Texts.English && entry.Metadata.ContainsKey("creditHold") && HoldReason().Match(summary) is { Success: true } hold)
        {
            return HoldWhy(hold.Groups[1].Value) ?? summary;
        }

        if (entry.Kind == EvidenceKinds.Task && TaskEvent().IsMatch(entry.Title))
        {
            // "<kind> task done (<outcome>): <note>": the note is the person's own words.
            var note = summary.IndexOf("): ", StringComparison.Ordinal);
            return note < 0 ? null : summary[(note + 3)..];
        }

        return summary == entry.Title && Title(entry) != entry.Title ? null : summary;
    }

    /// <summary>Who acted: a rule, the system, the language model, or the person by name.</summary>
    public string Actor(string actor) =>
        actor.StartsWith("person:", StringComparison.Ordinal) ? actor["person:".Length..]
        : texts.Has("actor." + actor) ? texts["actor." + actor]
        : actor;

    /// <summary>A reply's class (<c>Dispute</c>, <c>PromiseToPay</c>, ...) as a reader says it.</summary>
    public string Class(string cls) =>
        !texts.Has("class." + cls) ? cls
        : Capitalized(texts["class." + cls] is var words && words.StartsWith("a ", StringComparison.Ordinal) ? words[2..] : words.StartsWith("an ", StringComparison.Ordinal) ? words[3..] : words);

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];

    private string Kind(string kind) =>
        texts.Has("kind." + kind) ? texts["kind." + kind] : kind;

    /// <summary>A plan's step (drafted, approved, paid:3, ...), or null when it is not worded here.</summary>
    private string? Plan(string step, string number) =>
        !texts.Has("tl.plan." + step) ? null
        : number.Length > 0 ? texts.Format("tl.plan." + step, number)
        : texts["tl.plan." + step];

    /// <summary>
    /// "Reply classified as Dispute: case held for dispute; task opened; acknowledged": the class and, in bokmål, each
    /// of the actions the reply handler reports. An action not known here keeps the archived English title.
    /// </summary>
    private string Classified(string title, string cls)
    {
        var heading = texts.Format("tl.classified", texts["class." + cls]);
        if (Texts.English)
        {
            return title.StartsWith("Reply classified as ", StringComparison.Ordinal) && title.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
                ? heading + title[colon..]
                : heading;
        }

        var summary = title.IndexOf(": ", StringComparison.Ordinal) is var at and > 0 ? title[(at + 2)..] : "";
        var parts = new List<string>();
        foreach (var part in summary.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (Action(part) is not { } words)
            {
                return title;
            }

            parts.Add(words);
        }

        return parts.Count == 0 ? heading : heading + ": " + string.Join(", ", parts);
    }

    /// <summary>The currency the gate's English summary names its amounts in ("12500.00 NOK"), NOK when it names none.</summary>
    private static string Currency(string summary) => AmountWithCurrency().Match(summary) is { Success: true } m ? m.Groups[1].Value : "NOK";

    /// <summary>Why a credit hold was raised or lifted, in bokmål, or null when it is not one of the rule's reasons.</summary>
    private string? HoldWhy(string reason) => reason switch
    {
        "the ledger shows nothing overdue" => "reskontroen viser ingenting forfalt",
        "a repayment plan is in force" => "en nedbetalingsplan gjelder",
        _ when HoldStage().Match(reason) is { Success: true } stage && texts.Has("stage." + stage.Groups[1].Value) =>
            "saken har nådd trinnet " + texts["stage." + stage.Groups[1].Value].ToLower(System.Globalization.CultureInfo.CurrentCulture),
        _ when HoldAmount().Match(reason) is { Success: true } amount =>
            $"{Texts.Amount(decimal.Parse(amount.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), amount.Groups[2].Value)} forfalt, minst {Texts.Amount(decimal.Parse(amount.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), amount.Groups[2].Value)}",
        _ => null,
    };

    /// <summary>What a recorded call did, in bokmål, or null when it is not one of the call handler's effects.</summary>
    private static string? CallEffect(string effect) => effect switch
    {
        "no answer recorded" => "ikke svar registrert",
        "case held for dispute; review-dispute task opened" => "saken stanset, oppgave om innsigelsen åpnet",
        _ when effect.StartsWith("arrangement requested", StringComparison.Ordinal) => "forslag til nedbetalingsplan bedt om",
        _ when PromiseEffect().Match(effect) is { Success: true } p => $"stanset til {Day(p.Groups[1].Value)} (lovet betaling {Day(p.Groups[2].Value)} + {p.Groups[3].Value} dager)",
        _ => null,
    };

    private static string Day(string isoDate) => Texts.Date(DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One action of a reply in bokmål, or null when it is not one of the handler's.</summary>
    private static string? Action(string part) => part switch
    {
        "case held for dispute" => "saken stanset",
        "task opened" or "task opened (other)" => "oppgave åpnet",
        "task opened (contact change)" => "oppgave åpnet (ny kontaktinformasjon)",
        "acknowledged" => "kunden har fått bekreftelse",
        "not acknowledged (nothing to write it with)" => "ingen bekreftelse sendt",
        "paused until the next ledger confirms the payment" => "stanset til neste reskontro viser betalingen",
        "invoice details resent" => "fakturaopplysningene sendt på nytt",
        _ when CopiesAttached().Match(part) is { Success: true } copies => $"fakturaopplysningene sendt på nytt med {copies.Groups[1].Value} {(copies.Groups[1].Value == "1" ? "EHF-kopi" : "EHF-kopier")} vedlagt",
        "friendly step restarted" => "påminnelsen startet på nytt",
        "friendly step restarted (no ledger details to resend)" => "påminnelsen startet på nytt",
        "none: auto-reply; nothing paused" => "ingenting stanset",
        _ when part.StartsWith("not acknowledged again", StringComparison.Ordinal) => "ikke bekreftet på nytt (nylig bekreftet)",
        _ when part.StartsWith("arrangement requested", StringComparison.Ordinal) => "forslag til nedbetalingsplan bedt om",
        _ when HeldInvoices().Match(part) is { Success: true } held => "faktura " + held.Groups[1].Value + " holdt tilbake",
        _ when PausedUntil().Match(part) is { Success: true } paused => "stanset til " + Day(paused.Groups[1].Value),
        _ => null,
    };

    [GeneratedRegex(@"^Inkassovarsel by email to (.*): (address .+)$")]
    private static partial Regex NoticeByEmail();

    [GeneratedRegex(@"^Inkassovarsel to print and post \(email (.*) not confirmed\)$")]
    private static partial Regex ToPost();

    [GeneratedRegex(@"\d+\.\d{2} ([A-Z]{3})\b")]
    private static partial Regex AmountWithCurrency();

    [GeneratedRegex(@"^Credit hold \S+: (.+)$")]
    private static partial Regex HoldReason();

    [GeneratedRegex(@"^reached the ([a-z-]+) stage")]
    private static partial Regex HoldStage();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ([A-Z]{3}) overdue, at least (\d+(?:\.\d+)?) ")]
    private static partial Regex HoldAmount();

    [GeneratedRegex(@"^Call outcome: ([a-z-]+)$")]
    private static partial Regex CallOutcome();

    [GeneratedRegex(@"^Task \S+ \(([a-z-]+)\) (done|closed): ([a-z-]+)$")]
    private static partial Regex TaskEvent();

    [GeneratedRegex(@"^plan:[^:]+:([a-z-]+)(?::(\d+))?$")]
    private static partial Regex PlanStep();

    [GeneratedRegex(@"^Call \S+: [a-z-]+; (.+)$")]
    private static partial Regex CallSummary();

    [GeneratedRegex(@"^paused until (\d{4}-\d{2}-\d{2}) \(promise (\d{4}-\d{2}-\d{2}) \+ (\d+) days\)$")]
    private static partial Regex PromiseEffect();

    [GeneratedRegex(@"^invoices (.+) held for dispute$")]
    private static partial Regex HeldInvoices();

    [GeneratedRegex(@"^invoice details resent with (\d+) EHF invoice cop(?:y|ies) attached$")]
    private static partial Regex CopiesAttached();

    [GeneratedRegex(@"^paused until (\d{4}-\d{2}-\d{2})")]
    private static partial Regex PausedUntil();
}
