using System.Text.RegularExpressions;

namespace Receivables.Replies;

/// <summary>
/// Finds text in a reply that is aimed at a system or an assistant rather than at the creditor: role prefixes in any
/// language, "ignore previous …", forged JSON or classifier output, HTML comments to an assistant, and instructions
/// to mark paid, cancel, approve or set amounts. A reply with any of these never acts beyond a review task.
/// </summary>
public static partial class InjectionDetector
{
    /// <summary>The kinds of instruction found (empty when none).</summary>
    public static IReadOnlyList<string> Find(string subject, string text)
    {
        var found = new List<string>();
        var all = subject + "\n" + text;
        var folded = ValueExtractor.Fold(all);
        if (RolePrefix().IsMatch(folded) || RoleBanner().IsMatch(folded))
        {
            found.Add("role-prefix");
        }

        if (IgnorePrevious().IsMatch(folded))
        {
            found.Add("ignore-previous");
        }

        if (ForgedOutput().IsMatch(folded))
        {
            found.Add("forged-output");
        }

        foreach (Match comment in HtmlComment().Matches(all))
        {
            if (comment.Value.Length > 7 && comment.Value.Any(char.IsLetter))
            {
                found.Add("html-comment");
                break;
            }
        }

        if (SystemAction().IsMatch(folded) || MarkPaid().IsMatch(folded))
        {
            found.Add("system-action");
        }

        if (AddressedToMachine().IsMatch(folded))
        {
            found.Add("addressed-to-system");
        }

        return found.Distinct().ToList();
    }

    /// <summary>The text without HTML comments and lines addressed to a system role (they are not the debtor's own words to us).</summary>
    public static string WithoutInstructions(string text)
    {
        var withoutComments = HtmlComment().Replace(text, " ");
        return string.Join("\n", withoutComments.Split('\n').Where(line => !RolePrefix().IsMatch(ValueExtractor.Fold(line)) && !RoleBanner().IsMatch(ValueExtractor.Fold(line))));
    }

    [GeneratedRegex(@"(?m)^\s*(?:#+\s*|\[|<)?\s*(?:system|systemmelding|system message|system prompt|assistant|assistent|assistenten|asistente|assistente|assistant ai|ai|bot|model|modell|user|bruker|brukar|human|instruction|instructions|instruks|instruksjon|instruksjonar|developer|utvikler|sistema|systeme|systemnachricht|benutzer)\s*(?:\]|>)?\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|your\s+|the\s+)*(?:previous|prior|above|earlier|preceding|existing|your)\s+(?:\w+\s+)?(?:instructions?|prompts?|rules?|guidelines?|messages?|context)|\b(?:ignorer|ignorere|gloym|glem|se bort fra)\s+(?:alle\s+|alt\s+)?(?:tidligere|tidlegare|forrige|ovenstaende|dine)\s+(?:\w+\s+)?(?:instruksjoner|instruksjonar|beskjeder|regler|reglar)|\bglem alt\b|\bgloym alt\b|\bforget everything\b|previous instructions (?:are|is) void|\b(?:you are now|du er (?:na|no)|na er du|no er du|act as|te deg som|oppfor deg som)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IgnorePrevious();

    /// <summary>A role set off as a banner without a colon: "###SYSTEM###", "[[system]]", "== INSTRUCTIONS ==".</summary>
    [GeneratedRegex(@"(?m)^\s*(?:#{2,}|\[{1,2}|<{1,2}|={2,}|\*{2,})\s*(?:system|systemmelding|system message|system prompt|assistant|assistent|instruction|instructions|instruks|instruksjon|developer|admin|administrator|override)\s*(?:#{2,}|\]{1,2}|>{1,2}|={2,}|\*{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex RoleBanner();

    /// <summary>"mark all invoices paid" without the "as" that <see cref="SystemAction"/> needs.</summary>
    [GeneratedRegex(@"\b(?:mark|flag)\s+(?:all\s+|the\s+|every\s+|these\s+|this\s+|my\s+|our\s+)?(?:invoices?|claims?|accounts?|debts?|cases?|balances?)\s+(?:as\s+)?(?:paid|settled|closed)\b|\b(?:marker|merk)\s+(?:alle\s+)?(?:fakturaene|fakturaer|faktura|fakturaen|kravene|kravet|saken)\s+(?:som\s+)?(?:betalt|oppgjort)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPaid();

    [GeneratedRegex(@"\{\s*""(?:class|label|category|klasse|kategori|confidence|action|status|intent|promiseddate|amount)""\s*:|\b(?:classification|klassifisering|class|label)\s*[:=]\s*""?(?:promisetopay|alreadypaid|dispute|liquidity|other|paid)\b|\b(?:action|handling)\s*:\s*\w+\(|\bmark_paid\b|\bclassify this (?:message|email|reply) as\b|\brespond with class\b|\bklassifiser (?:denne|meldinga|meldingen)", RegexOptions.CultureInvariant)]
    private static partial Regex ForgedOutput();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\b(?:mark|set|flag)\s+(?:\w+\s+){0,4}?as\s+(?:paid|settled|resolved|closed)\b|\bmarker\s+(?:\w+\s+){0,4}?som\s+(?:betalt|oppgjort|lukket|avsluttet)\b|\bmerk\s+(?:\w+\s+){0,4}?som\s+(?:betalt|oppgjort)\b|\b(?:set|sett|endre|change)\s+(?:the\s+)?(?:status|outstanding amount|amount|balance|belopet|saldo|beloep|kravet)\s+(?:\w+\s+)?(?:to|til)\b|\b(?:approve|godkjenn|godkjenne)\s+(?:\w+\s+){0,3}?(?:plan|planen|betalingsplan\w*|payment plan|write-?off|avskriving|nedskriving)\b|\bwrite-?off\b|\b(?:close|lukk|avslutt)\s+(?:the|this|saken|case|kravet)\b|\bclose the case\b|\bstatus til betalt\b|\bkravet er frafalt\b|\bsaken er lukket\b", RegexOptions.CultureInvariant)]
    private static partial Regex SystemAction();

    [GeneratedRegex(@"\b(?:to the (?:ai|automated|assistant|system|model|bot)|(?:ai|automated|virtual) assistant|til (?:systemet|ai-?assistenten|assistenten|modellen|roboten|ki)|the system (?:reading|processing) this|systemet som leser|kundeservicerobot|language model|sprakmodell|chatgpt|gpt)\b|\bai-?assistent\w*|\bai model\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddressedToMachine();
}
