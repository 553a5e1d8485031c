using System.Globalization;
using System.Text.RegularExpressions;

namespace Receivables.Web.Text;

/// <summary>
/// Why an action was refused, in the reader's language. The handlers refuse in English, naming the command line's
/// options (<c>--date</c>, <c>--note</c>) because the CLI shares them; the workspace's forms have a date, a note and an
/// amount instead, so in bokmål the refusals a form can meet are said again with the figures they name. Any other
/// refusal is shown as the handler said it.
/// </summary>
public static partial class ProblemWords
{
    public static string Say(string message)
    {
        if (Texts.English)
        {
            return message;
        }

        var texts = new Texts();
        return message switch
        {
            "--outcome rejected needs --note with the reason: the debtor gets it in writing." => "Skriv begrunnelsen i notatet: kunden får den skriftlig.",
            "--outcome partly needs --amount: the amount credited." => "Oppgi beløpet som krediteres.",
            "--outcome extend needs --date yyyy-MM-dd (the new deadline)." => "En utsettelse trenger en ny frist: velg en dato.",
            "--outcome sent-other-channel needs --date yyyy-MM-dd: the day the letter was sent (not in the future)." => "Oppgi datoen brevet ble sendt på annen måte (ikke fram i tid).",
            "A rejection needs a reason (--reason)." => "En avvisning trenger en begrunnelse.",
            "A waiver needs a reason (--note \"...\")." => "Skriv i notatet hvorfor kravet om sikkerhet frafalles.",
            "Say what security was received (--note \"kausjon fra ...\" or \"pant i ...\")." => "Skriv i notatet hvilken sikkerhet som er mottatt (for eksempel «kausjon fra …» eller «pant i …»).",
            "A pause needs a date after today." => "Stansen trenger en dato etter i dag.",
            "A note needs text." => "Notatet er tomt.",
            _ when NewDeadline().Match(message) is { Success: true } m => $"Den nye fristen ({Day(m.Groups[1].Value)}) må være etter i dag.",
            _ when PromiseInPast().Match(message) is { Success: true } m => $"Datoen {Day(m.Groups[1].Value)} er passert; et betalingsløfte trenger dagens dato eller en senere dato.",
            _ when DateInPast().Match(message) is { Success: true } m => $"Datoen {Day(m.Groups[1].Value)} er passert.",
            _ when CreditedAmount().Match(message) is { Success: true } m => $"Beløpet som krediteres ({Number(m.Groups[1].Value)}) må være over 0 og under det bestridte beløpet ({Number(m.Groups[2].Value)}); velg «{texts.Outcome("review-dispute", "upheld")}» for å kreditere alt.",
            _ when NotAnAmount().Match(message) is { Success: true } m => $"«{m.Groups[1].Value}» er ikke et beløp (skriv for eksempel 5000,00).",
            _ when CollectionRefused().Match(message) is { Success: true } m => $"Inkasso er ikke tillatt ennå for kunden {m.Groups[1].Value}: inkassovarselet er ikke sendt, eller fristen i det er ikke ute (inkassoloven § 9). Oppgaven er fortsatt åpen: send varselet først, eller velg et annet utfall.",
            _ when AlreadyDone().Match(message) is { Success: true } m => $"Oppgaven er allerede registrert med utfallet «{texts.Outcome("", m.Groups[1].Value)}»; det kan ikke endres til «{texts.Outcome("", m.Groups[2].Value)}».",
            _ when NotAnOutcome().Match(message) is { Success: true } m => $"«{texts.Outcome("", m.Groups[1].Value)}» er ikke et utfall for denne oppgaven.",
            _ => message,
        };
    }

    private static string Day(string isoDate) => Texts.Date(DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Number(string amount) => decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.CurrentCulture);

    [GeneratedRegex(@"^--date (\d{4}-\d{2}-\d{2}) must be after today(?:: it is the debtor's new deadline| for an extension)\.$")]
    private static partial Regex NewDeadline();

    [GeneratedRegex(@"^--date (\d{4}-\d{2}-\d{2}) is in the past; a promise to pay needs today or a later date\.$")]
    private static partial Regex PromiseInPast();

    [GeneratedRegex(@"^The date (\d{4}-\d{2}-\d{2}) is in the past\.$")]
    private static partial Regex DateInPast();

    [GeneratedRegex(@"^--amount (-?\d+(?:\.\d+)?) must be more than 0 and less than the disputed open amount (-?\d+(?:\.\d+)?) ")]
    private static partial Regex CreditedAmount();

    [GeneratedRegex(@"^--amount '(.*)' is not an amount such as 5000\.00\.$")]
    private static partial Regex NotAnAmount();

    [GeneratedRegex(@"^Collection refused for debtor '(.+?)': ")]
    private static partial Regex CollectionRefused();

    [GeneratedRegex(@"^Task \S+ is already done with outcome '(.*)'; it cannot be changed to '(.*)'\.$")]
    private static partial Regex AlreadyDone();

    [GeneratedRegex(@"^(?:--outcome )?'(.*)' is not an outcome of a")]
    private static partial Regex NotAnOutcome();
}
