using System.Globalization;
using System.Text.RegularExpressions;
using Receivables.Actions;

namespace Receivables.Web.Text;

/// <summary>
/// The confirmation shown after a person records a task's outcome, in the request's language: the kind and the outcome,
/// then what the handler did. The handlers report what they did in English (the CLI prints it, the evidence keeps it);
/// in bokmål each of its parts is said again from the figures it names, and when a part is not known here the
/// confirmation says only that the outcome was recorded, never half in English.
/// </summary>
public sealed partial class EffectWords(Texts texts)
{
    /// <summary>"Avgjør innsigelse – Avvises: innsigelsen avvist, ny frist 06.02.2026, ...".</summary>
    public string Done(WorkTask task, string outcome, string effect)
    {
        var kind = texts.Has("kind." + task.Kind) ? texts["kind." + task.Kind] : task.Kind;
        var said = Effect(effect);
        return said is { Length: > 0 }
            ? texts.Format("flash.done", kind, texts.Outcome(task.Kind, outcome), said)
            : texts.Format("flash.done.plain", kind, texts.Outcome(task.Kind, outcome));
    }

    /// <summary>A call recorded on the debtor's page: "Samtale registrert: Lovet betaling – purringene stanset til ...".</summary>
    public string Call(string outcome, string effect) =>
        Effect(effect) is { Length: > 0 } said
            ? texts.Format("flash.call", texts.Outcome(TaskKinds.CallDebtor, outcome), said)
            : texts.Format("flash.call.plain", texts.Outcome(TaskKinds.CallDebtor, outcome));

    /// <summary>What the handler did, in the reader's language; null in bokmål when a part of it is not known here.</summary>
    public static string? Effect(string effect)
    {
        if (Texts.English)
        {
            return effect;
        }

        var parts = new List<string>();
        string? currency = null;
        foreach (var part in effect.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (Part(part, ref currency) is not { } words)
            {
                return null;
            }

            if (words.Length > 0)
            {
                parts.Add(words);
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>One part in bokmål ("" when it only repeats a command-line instruction), or null when it is not one of the handlers'.</summary>
    private static string? Part(string part, ref string? currency)
    {
        switch (part)
        {
            case "already done": return "allerede registrert";
            case "confirmed in writing": return "kunden har fått skriftlig bekreftelse";
            case "no confirmation (no ledger entry or email address)": return "ingen bekreftelse sendt (kunden mangler i reskontroen eller har ingen e-postadresse)";
            case "case held for dispute": return "purringene stanset";
            case "review-dispute task opened": return "oppgave om innsigelsen åpnet";
            case "no answer recorded": return "ikke svar registrert";
            case "dispute rejected": return "innsigelsen avvist";
            case "held until the ledger shows the credit note": return "fakturaene holdes tilbake til reskontroen viser kreditnotaen";
            case "no letter (no ledger entry or email address)": return "ikke noe brev sendt (kunden mangler i reskontroen eller har ingen e-postadresse)";
            case "debtor told in writing": return "kunden har fått skriftlig svar";
            case "hold released": return "stansen opphevet";
            case "set-off declared to the debtor": return "motregningen er erklært overfor kunden";
            case "set-off rejected": return "motregningen avvist";
            case "nothing sent": return "ingenting sendt";
            case "recorded": return "registrert";
            case "hand-over to a collection agency approved": return "overlevering til inkassobyrå godkjent";
            case "write-down approved: book it in the ERP": return "avskrivning godkjent: før den i regnskapssystemet";
            case "the next ledger shows the reduced claim": return "neste reskontro viser det reduserte kravet";
            case "the case resumes": return "saken går videre";
            case "the case resumes: the ladder decides the step again on the next cycle": return "saken går videre: purrestigen avgjør steget på nytt ved neste kjøring";
        }

        if (part.StartsWith("export it with: handover export ", StringComparison.Ordinal))
        {
            return "overleveringsfilen lages med «handover export»";
        }

        if (Promise().Match(part) is { Success: true } promise)
        {
            return $"purringene stanset til {Day(promise.Groups[1].Value)} (lovet betaling {Day(promise.Groups[2].Value)} + {promise.Groups[3].Value} dager)";
        }

        if (Requested().Match(part) is { Success: true } requested)
        {
            return $"forslag til nedbetalingsplan {requested.Groups[1].Value} utarbeides";
        }

        if (NewDeadline().Match(part) is { Success: true } deadline)
        {
            return $"ny frist {Day(deadline.Groups[1].Value)}, deretter fortsetter purringene der de stod";
        }

        if (Credited().Match(part) is { Success: true } credited)
        {
            currency = credited.Groups[3].Value;
            return (credited.Groups[1].Success ? "innsigelsen tatt til følge: " : "") + $"{Money(credited.Groups[2].Value, currency)} krediteres";
        }

        if (DueBy().Match(part) is { Success: true } due)
        {
            return $"{Money(due.Groups[1].Value, currency)} skal betales innen {Day(due.Groups[2].Value)}";
        }

        if (BookTask().IsMatch(part))
        {
            return "oppgave om å føre kreditnotaen åpnet";
        }

        if (ResumesOn().Match(part) is { Success: true } resumes)
        {
            return "purringene fortsetter på faktura " + resumes.Groups[1].Value;
        }

        if (Posted().Match(part) is { Success: true } posted)
        {
            return $"sendt i posten {Day(posted.Groups[1].Value)} (registrert i bevisene)";
        }

        if (PlanSent().Match(part) is { Success: true } sent)
        {
            return $"plan {sent.Groups[1].Value} godkjent og sendt";
        }

        if (AnswerBy().Match(part) is { Success: true } answer)
        {
            return "svarfrist " + Day(answer.Groups[1].Value);
        }

        if (PlanRejected().Match(part) is { Success: true } rejected)
        {
            return $"plan {rejected.Groups[1].Value} avvist";
        }

        if (Security().Match(part) is { Success: true } security)
        {
            return security.Groups[1].Value == "received" ? "sikkerheten er mottatt" : "kravet om sikkerhet er frafalt";
        }

        if (PlanInForce().Match(part) is { Success: true } inForce)
        {
            return $"plan {inForce.Groups[1].Value} gjelder";
        }

        if (Extended().Match(part) is { Success: true } extended)
        {
            return "utsettelse gitt: purringene stanset til " + Day(extended.Groups[1].Value);
        }

        if (OtherChannel().Match(part) is { Success: true } other)
        {
            return $"nivå {other.Groups[1].Value} regnes som sendt {Day(other.Groups[2].Value)} på annen måte (frist {Day(other.Groups[3].Value)}, uten gebyr)";
        }

        return null;
    }

    private static string Day(string isoDate) => Texts.Date(DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Money(string amount, string? currency) =>
        Texts.Amount(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture), currency);

    [GeneratedRegex(@"^paused until (\d{4}-\d{2}-\d{2}) \(promise (\d{4}-\d{2}-\d{2}) \+ (\d+) days\)$")]
    private static partial Regex Promise();

    [GeneratedRegex(@"^arrangement requested \((\S+)\)$")]
    private static partial Regex Requested();

    [GeneratedRegex(@"^new deadline (\d{4}-\d{2}-\d{2}), then the ladder resumes where it stood$")]
    private static partial Regex NewDeadline();

    [GeneratedRegex(@"^(dispute upheld: )?(-?\d+(?:\.\d+)?) ([A-Z]{3}) to be credited$")]
    private static partial Regex Credited();

    [GeneratedRegex(@"^(-?\d+(?:\.\d+)?) due by (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DueBy();

    [GeneratedRegex(@"^task \S+ to book it$")]
    private static partial Regex BookTask();

    [GeneratedRegex(@"^the ladder resumes on (.+)$")]
    private static partial Regex ResumesOn();

    [GeneratedRegex(@"^posted on (\d{4}-\d{2}-\d{2}) \(recorded in the evidence\)$")]
    private static partial Regex Posted();

    [GeneratedRegex(@"^plan (\S+) approved and sent$")]
    private static partial Regex PlanSent();

    [GeneratedRegex(@"^answer by (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex AnswerBy();

    [GeneratedRegex(@"^plan (\S+) rejected$")]
    private static partial Regex PlanRejected();

    [GeneratedRegex(@"^security (received|waived)$")]
    private static partial Regex Security();

    [GeneratedRegex(@"^plan (\S+) is in force$")]
    private static partial Regex PlanInForce();

    [GeneratedRegex(@"^credit extended: case paused until (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Extended();

    [GeneratedRegex(@"^level (\d+) counted as sent on (\d{4}-\d{2}-\d{2}) by another channel \(deadline (\d{4}-\d{2}-\d{2}), no fee\)$")]
    private static partial Regex OtherChannel();
}
