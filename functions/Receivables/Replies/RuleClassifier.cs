using System.Text.RegularExpressions;
using Receivables.Evidence;

namespace Receivables.Replies;

/// <summary>
/// The default classifier: clause-level cues for bokmål, nynorsk and English (with or without æøå), applied to the
/// debtor's own words only. Every class gets a score; a negation in a cue's clause voids it, and a refused payment
/// ("betaler ikke før …", "won't pay until …") counts for a dispute. It acts only when one actionable class clearly
/// wins; conflicts take the safe side (a dispute or liquidity beats a promise) or abstain with the candidates shown.
/// </summary>
public static partial class RuleClassifier
{
    private const double WinAt = 1.0;

    /// <summary>A reference day far back: any date a clause states lies after it.</summary>
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    private static readonly ReplyClass[] Actionable =
    [
        ReplyClass.PromiseToPay, ReplyClass.Dispute, ReplyClass.Liquidity, ReplyClass.AlreadyPaid, ReplyClass.NotReceived,
        ReplyClass.CopyRequest, ReplyClass.ContactChange, ReplyClass.Question,
    ];

    private const string Pay = @"(?:betale|betala|betaler|betalar|betales|betalast|betalt|betalte|overfore|overfora|overforer|overforar|overfores|overfort|innbetale|pay|paid|paying|settle|settled|transfer)";
    /// <summary>Goods or work delivered (not the invoice): "aldri fått noen varer" is a dispute, not an invoice not received.</summary>
    private const string Goods = @"varer|varene|varar|varane|vare|deler|delene|produkter|produkta|leveranse\w*|tjenester|tenester|goods|items|parts|products|deliveries|delivery|order|orders";
    private const string Invoice = @"(?:faktura|fakturaen|fakturaer|fakturakopi|rekning|rekninga|rekningar|invoice|invoices|originalfaktura|originalfakturaen|bill)";

    private static readonly ReplyCue[] Cues =
    [
        // Promise: a payment ahead.
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:skal|vil|kommer(?: \w+)? til a|kjem(?: \w+)? til a|skal fa|ska|skall)\s+(?:\w+\s+){0,3}?(?:betale|betala|betal|betalt|overfore|overfora|ordne|ordna|gjore opp|gjera opp|gjere opp|sende pengene|fa betalt)\b"),
        // The debt settled in the passive ("dette skal ordnes neste uke", "beløpet vil gjøres opp fredag"); only the debt as
        // its subject ("feilen skal ordnes" is the creditor's part).
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:dette|det|den|denne|fakturaen|rekninga|regningen|belopet|saken|kravet|betalingen|betalinga|resten|restbelopet)\s+(?:skal|vil|ska|skall)\s+(?:\w+\s+)?(?:ordnes|ordnast|gjores opp|gjerast opp|gjeras opp|betales|betalast|overfores|overforast)\b"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:blir|vert|blir a|bli)\s+(?:\w+\s+){0,2}?(?:betalte?|overforte?|ordnet|ordna|gjort opp|utbetalte?|satt inn|sendt|trukket)\b"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 1.5, true, @"\b(?:betaler|betalar|overforer|overforar|ordner|ordnar|betales|betalast|overfores|gjor opp)\b"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:lagt|satt)\s+(?:inn\s+)?(?:til|pa|for)\s+betaling|lagt inn betaling|betalingen gar ut|betaling(?:en)? (?:er|blir) (?:sendt til godkjenning|lagt inn)|(?:pengene|pengane|belopet|beloepet)\s+(?:\w+\s+)?(?:kommer|kjem|gar inn|blir|vert|skal)|(?:dere|de|du)\s+(?:far|faar)\s+(?:pengene|pengane|betalt|belopet)"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:will|'ll|shall|going to|gonna|i'm going to|we're going to)\s+(?:\w+\s+){0,2}?(?:pay|settle|transfer|release|send (?:it|the money|payment|the payment)|clear|be paid|be settled|be released|go out|reach you|be with you|have it|get (?:this|it) sorted|take care of)\b"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:paying|sending)\s+(?:it|this|the|on|first|before|by|next|within|tomorrow|today|monday|tuesday|wednesday|thursday|friday)|\bpayment (?:will|should|is scheduled|is approved|is in our next|goes out)|scheduled for payment|(?:transfer|payment) (?:is )?going out|you'll have it|(?:our )?payment run|next batch|(?:will be|is) (?:paid|settled|released|transferred)\b|approved and (?:will|is)"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 1, true, @"\b(?:senest|latest|at the latest|no later than)\b"),
        // A payment set up ahead ("satt opp betaling", "lagt inn overføring"), or going out ("betalinga går i dag").
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:lagt|lagd|satt|sett|registrert)\s+(?:opp|inn)\s+(?:\w+\s+)?(?:betaling\w*|overforing\w*|innbetaling\w*)|\b(?:betalingen|betalinga|innbetalingen|innbetalinga|overforingen|overforinga|pengene|pengane|belopet)\s+(?:gar|kommer|kjem)\b"),
        // "Dere har pengene på konto før jul": the money with the creditor by a time ahead.
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:dere|de|du)\s+(?:har|skal ha|vil ha)\s+(?:pengene|pengane|belopet|betalingen|betalinga|innbetalingen|innbetalinga)\b(?=(?:\s+\w+){0,4}?\s+(?:for|innen|innan|i morgen|i morgon|neste|til|om|senest)\b)"),
        // Intent and scheduling without a promise verb ("vi regner med å betale", "we intend to pay", "payment has been
        // scheduled for", "I'll sort it", "expect payment on Monday", "lagt inn i nettbanken til betaling fredag").
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:regner med a|regnar med a|har tenkt a|planlegger a|planlegg a|tar sikte pa a|satser pa a)\s+(?:\w+\s+)?(?:betale|betala|overfore|overfora|gjore opp|gjere opp|ordne|ordna|fa betalt)\b|\b(?:intend|plan|planning|aim|aiming|expect|expecting)\s+(?:on\s+)?(?:to\s+)?(?:pay|paying|settle|settling|transfer|clear|make (?:the )?payment)\b|\bexpect (?:the )?(?:payment|money|funds|transfer)\b|\b(?:scheduled|queued|booked|set up|put through|lined up)\s+(?:\w+\s+){0,2}?(?:payment|transfer|for payment)\b|\b(?:payment|transfer)\s+(?:has been |is |was )?(?:scheduled|queued|booked|lined up)\b|\b(?:i'll|we'll|will)\s+(?:\w+\s+)?(?:sort|handle|arrange|process|action|do it|do this|get (?:the )?(?:money|payment|funds|it paid|this paid|it sorted|this sorted))\b"),
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:lagt|lagd|satt|sett|registrert)\s+(?:inn\s+)?(?:\w+\s+){0,3}?(?:til|pa|for|med)\s+(?:betaling|forfall|betalingsdato)\b|\b(?:betalingen|betalinga|overforingen|overforinga)\s+(?:er|vart|ble)\s+(?:\w+\s+)?(?:lagt|lagd|satt)\s+(?:\w+\s+)?(?:til|pa|med)\s+(?:forfall|betaling)|\b(?:jeg|eg|vi|me)\s+(?:skal\s+|ska\s+)?(?:fikser|fiksar|fikse|fiks|tar (?:meg|oss) av|gjer opp|gjere opp)\s+(?:\w+\s+)?(?:det|den|dette|denne|betalingen|betalinga|saken|rekninga|fakturaen)?\b|^\s*(?:fikser|fiksar|ordner|ordnar) (?:det|den|dette|denne|betalingen|betalinga)\b"),
        // Money on its way ("payment coming Friday", "sending payment on Friday", "kommer innbetaling 18.12", "vi får betalt den").
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:payment|money|transfer|funds)\s+(?:is\s+)?(?:coming|on its way|on the way)\b|\bsending (?:the |you (?:the )?)?(?:payment|money|funds)\b|\b(?:kommer|kjem)\s+(?:\w+\s+)?(?:innbetaling|betaling|pengar|penger|overforing)\b|\b(?:far|fer)\s+betalt\s+(?:den|denne|dette|fakturaen|rekninga|regningen)\b"),
        // A payment run ahead ("our AP run is on Thursday so you'll see it then").
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:ap|pay|payables|supplier|bank|bacs) runs?\b|\byou(?:'?ll| will) (?:see|get|receive|have) (?:it|the money|the payment|payment|the funds|your money)\b"),

        // Money on its way at a time ahead without a pay verb ("betaling skjer neste mandag", "the transfer goes out
        // tomorrow", "it's in our week 51 payment batch", "satt opp i nettbanken til torsdag", "I've asked finance to
        // release it by Friday", "we'll have this settled by …", "first thing Monday, promise").
        ReplyCue.Of(ReplyClass.PromiseToPay, 2, true, @"\b(?:betaling|betalinga|betalingen|innbetaling|innbetalinga|innbetalingen|overforing|overforinga|overforingen)\s+(?:\w+\s+)?(?:skjer|skjar|gjennomfores|gjennomforast|utfores|utforast|sendes|sendast|gar ut|kjem inn|kommer inn)\b|\b(?:transfer|payment|remittance|money|funds|wire)\s+(?:\w+\s+)?(?:goes|will go|leaves|will leave|gets sent|is being sent|will be sent|will be made|will be with you|will reach you|will arrive|should arrive|should reach you|lands)\b|\b(?:payment|pay|ap|supplier)\s+(?:batch|cycle|proposal)\b|\b(?:betalingsrunde|betalingskjoring|betalingskoyring|utbetalingsrunde|betalingsforslag)\w*|\b(?:satt|sett|lagt|lagd|registrert|ligger)\s+(?:opp\s+|inn\s+|klar\s+)?(?:i|pa)\s+(?:nettbanken|nettbank|mobilbanken|banken)\b|\b(?:i|we|i've|we've|jeg|vi|eg|me)\s+(?:have\s+|har\s+|had\s+|hadde\s+)?(?:just\s+|now\s+|already\s+|na\s+|no\s+|allerede\s+)?(?:asked|told|instructed|requested|bedt|bad)\s+(?:\w+\s+){0,3}?(?:to|om a|a)\s+(?:pay|release|process|transfer|send|betale|betala|overfore|overfora|frigi|sende|ordne)\b|\b(?:will|'ll)\s+have\s+(?:\w+\s+){0,2}?(?:paid|settled|transferred|sorted|cleared|sent)\b|\b(?:i|we) promise\b|\bpromise[.!]?\s*$|\b(?:jeg|eg|vi|me) (?:lover|lovar)\b"),

        // Already paid: a payment made.
        ReplyCue.Of(ReplyClass.AlreadyPaid, 2.5, true, @"(?<!\b(?:da|sa|so|then)\s)\b(?:er|ble|vart|har blitt|er blitt|har vorte|er no|er na)\s+(?:\w+\s+){0,2}?(?:betalt|overfort|innbetalt|gjort opp|gjennomfort|trukket|sendt)\b(?!\s+til\s+godkjenning)"),
        ReplyCue.Of(ReplyClass.AlreadyPaid, 2.5, true, @"\b(?:har|hadde|har jo|har allerede|har na)\s+(?:\w+\s+){0,2}?(?:betalt|overfort|innbetalt|gjort opp)\b|\bbetalte\b|\ballerede betalt|(?<!\b(?:bli|blir|vert|vil|skal)\s)\bbetalt (?:den \d|via|med|fra|pa forfall)|^\s*(?:den |det |er )?betalt\s*$|\bkrysset|\bkryssa|(?<!\b(?:da|sa|so)\s+(?:er|blir|vil)\s+(?:\w+\s+){0,2})\bgjort opp\b|\bpengene ble sendt"),
        ReplyCue.Of(ReplyClass.AlreadyPaid, 2.5, true, @"^\s*(?:(?:den|det|denne|dette|fakturaen|rekninga|alt)\s+)?(?:betalt|innbetalt|overfort|gjort opp)\b(?!\s+(?:innen|innan|senest|for|til|neste|i morgen|i morgon|om|pa (?:mandag|tirsdag|tysdag|onsdag|torsdag|fredag))\b)"),
        ReplyCue.Of(ReplyClass.AlreadyPaid, 2.5, true, @"(?<!(?:will|'ll|\bto|should|shall|would|must|could|hope to|going to)\s)\b(?:already|have|has|had|i've|we've|was|were|been|it's|its)\s+(?:\w+\s+){0,2}?(?:paid|settled|sorted|transferred|cleared)\b|\bwe paid\b|\bi paid\b|\bpaid (?:it|this|on|yesterday|last|in full|the|weeks|days|already)\b|^\s*paid\b|payment (?:was|has been) (?:made|sent|completed)|\bpayment (?:of|for) [^.;]{1,30}? (?:was|has been) (?:made|sent|completed|transferred)\b|went through|proof of payment|remittance|funds left|crossed"),
        // "We settled this last Friday", "we transferred the money yesterday", "payment already sent", "this has been taken care of".
        ReplyCue.Of(ReplyClass.AlreadyPaid, 2.5, true, @"\b(?:we|i)\s+(?:\w+\s+)?(?:settled|transferred|wired|remitted|sent (?:the |you |over )?(?:money|payment|funds|transfer))\b(?!\s+(?:on|for) (?:a|the) (?:price|amount|sum|discount|deal))|\b(?:payment|money|funds|transfer)\s+(?:already\s+)?(?:sent|made|done)\b|\b(?:has|have|had) (?:already )?been (?:taken care of|dealt with|handled)\b|\ballerede\s+(?:sendt|overfort|ordnet|ordna|gjort)\b|\balt\s+(?:sendt|overfort)\b|(?<!\b(?:vert|blir|bli|skal|vil|ska)\s)\boverforte\b|\b(?:pengene|pengane|belopet|betalingen|betalinga|overforingen|innbetalingen)\s+(?:\w+\s+)?(?:gikk|gjekk|ble trukket|vart trekt)\b|\b(?:have|has|had|already|i|we)\s+(?:\w+\s+)?made (?:the |this |a |that )?payment\b"),

        // Dispute: the claim or the delivery is contested.
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:bestrider|bestrid|omtvistet|omstridt|innsigelse|innsigelser|innvending|innvendinger|uenig|uenige|ueinig|ueinige|disagree|dispute|disputed|disputing|contest|contested|contesting|bestridt|bestred|omtvista)\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:reklamasjon|reklamasjonen|reklamert|reklamerer|reklamere|klage|klagen|klaget|klaga|complain|complained|complaint|refund|kreditnota|kreditere|krediteres|krediter|credit note|credited)\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:feil (?:belop|pris|vare|antall|faktura|timeantall)|(?:fakturaen|rekninga|prisen|belopet|invoice|the invoice|this invoice) (?:er|is) (?:feil|wrong|incorrect)|wrong (?:amount|price|company|invoice|goods|item)|dette (?:er|ma vere) (?:en|ei|ein) feil|(?:faktura|invoice|rekning)\w*(?:\s+\d+)?\s+(?:er|is)\s+(?:feil|wrong|incorrect))\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\b(?:isn't ours|not ours|ikke (?:var|vaar|min|vores) (?:faktura|regning)|ikkje (?:var|mi) (?:faktura|rekning)|aldri (?:vert|vore|hatt) kunde|never been (?:a )?customer|kjenner ikke til (?:dette|denne))\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2, true, @"(?<!(?:vedlegg\w*|attachment\w*|pdf|lenke\w*)\s(?:\w+\s){0,3})\b(?:mangler|manglet|manglar|missing|incomplete|ufullstendig)\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\b(?:ikke|ikkje|aldri|never|not|n't)\s+(?:\w+\s+){0,2}?(?:bestilt|ordered|levert|delivered|ferdig|ferdigstilt|finished|utfort|completed|done|i henhold|som avtalt|what we ordered|what we signed|showed up)\b|\bnever (?:showed|came|turned up)|teknikeren kom aldri|(?:ikke|ikkje) (?:mottatt|motteke|fatt) (?:varene|varane|leveransen|tenesta|tjenesten|goods)|stemmer ikke|stemmer ikkje|samsvarer ikke|do(?:es)? not match|don't match"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:skadet|skada|odelagt|odelagte|oydelagd|oydelagde|defekt|defective|damaged|mangelfull|mangelfullt|mangler ved|manglar|lekkasje|lekk|lek|stopped working|faulty|quality issues|returnert|returned|sendt tilbake|sent back|returnere)\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:fakturert (?:oss |meg )?(?:to ganger|dobbelt)|charged (?:us |me )?twice|billed (?:us )?twice|avvises|avviser|nekter|nektar|refuse|godtar ikke|godtek ikkje|aksepterer ikke|not accept|holder tilbake|halde tilbake|(?:holder|holde|heldt|halde|held)(?:\s+\w+){1,2}\s+tilbake|tilbakeholder|tilbakeheld|withhold|withholding|withheld|holding back|hold back|holding the (?:rest|balance|remainder)|on hold until|is on hold|avbestilt|sagt opp|oppsagt|cancelled|canceled|avsluttet|avslutta|ekstra timene|extra charges|extra hours|ikke i henhold|hoyere enn i tilbudet|not what we)\b"),
        ReplyCue.Of(ReplyClass.Dispute, 2.5, true, @"\b(?:fakturert|fakturerte|fakturerer|beregnet|berekna|rekna|priset|invoiced|billed|charged)\s+(?:\w+\s+)?(?:feil|wrong|incorrectly|too much|for mye|for mykje|for hoyt)\b|\b(?:skulle|skal|skulle jo) ha (?:\d+\s*%?\s*)?(?:rabatt|avslag)\b|\b(?:should|were supposed to) (?:have )?(?:had|get|got|been given|receive) (?:a |the )?(?:\d+\s*%?\s*)?discount\b|\b(?:rett|rette|korriger|korrigere|retta)\s+(?:\w+\s+)?opp\b"),
        // Owing nothing, a service that does not work or was never provided, a claim to drop, a balance not yet due.
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\bnot our (?:invoice|bill|order|debt)\b|\bnever (?:had|opened|held) (?:an |a )?(?:account|agreement|contract|customer relationship)\b|\b(?:money|pengene|pengane) (?:back|tilbake)\b|\b(?:ikke|ikkje|aldri|never|not|n't)\s+(?:\w+\s+){0,2}?(?:i drift|provided|performed|installert|installed|montert|utfort|gjennomfort)\b|\b(?:det|what) (?:vi|we|i|jeg|eg|me) (?:betalte|paid|bestilte|ordered) for\b|\b(?:slett|slette|trekk|trekke|annuller|annullere|kanseller|kansellere)\s+(?:\w+\s+)?(?:kravet|fakturaen|rekninga|purringa|purringen)\b|\b(?:withdraw|cancel)\s+(?:the|this|your)\s+(?:claim|invoice|reminder)\b|\b(?:not|isn'?t|ikke|ikkje)\s+(?:yet\s+)?(?:due|forfalt|forfallen)\b|\b(?:aldri|never)\s+(?:\w+\s+)?(?:godkjent|godkjend|approved|agreed|avtalt|bestilt)\b|\b(?:ikke|ikkje|not)\s+(?:var\s+|vart\s+|was\s+|been\s+)?(?:avtalt|avtala|agreed)\b|\b(?:ingen|no)\s+(?:avtale|kontrakt|agreement|contract)\s+(?:med|with)\b|\b(?:faktura|fakturaen|rekninga|regningen|kravet|invoice|this|it)\w*(?:\s+\d+)?\s+(?:er|is)\s+(?:ikke|ikkje|not)\s+(?:var|vaar|mi|min|ours)\b"),
        // A charge called unreasonable or unlawful ("gebyrene er urimelige", "the fee is not legitimate"), or a delivery
        // short of what was ordered ("only 8 of 12 arrived", "bare 3 av 5 kolli").
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\b(?:urimelig\w*|unreasonable|uakseptab\w*|unacceptable|ulovlig\w*|unlawful|illegal|not legitimate|illegitimate|ikke (?:rimelig|berettiget|lovlig)|ikkje (?:rimeleg|rimelig|lovleg)|unjustified|uberettig\w*)\b|\b(?:only|bare|berre|kun)\s+\d+\s+(?:of|av)\s+\d+\b"),
        // Something delivered that does not work (not a link, an attachment or the bank's site).
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"(?<!\b(?:vedlegg\w*|attachment\w*|pdf|lenke\w*|link\w*|nettside\w*|siden|nettbank\w*|kid\w*|kontonummer\w*|website|portal|page|payment|betalingen|betalinga|e-?post\w*|e-?mail)\s(?:\w+\s){0,2})\b(?:(?:fungerer|fungerar|fungerte|virker|virke|verkar|virket|verka|funker|funke|funka)\s+(?:\w+\s+)?(?:ikke|ikkje|ikkj|ike|aldri)\b|(?:ikke|ikkje|ikkj|aldri)\s+(?:virker|virkar|verkar|fungerer|fungerar|funker)\b|(?:doesn'?t|does not|didn'?t|did not|never) work(?:ed|s)?\b|stopped working\b|(?:isn'?t|is not|wasn'?t|was not) working\b)"),
        // Goods that never arrived are a dispute (an invoice that never arrived is not received).
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\b(?:goods|items|parts|order|delivery|shipment|package|parcel|units|products|varene|varane|delene|pakken|pakka|leveransen|leveransa|sendingen|sendinga|bestillingen|bestillinga)\s+(?:\w+\s+){0,3}?(?:never|not|ikke|ikkje|aldri)\s+(?:\w+\s+)?(?:arrived|came|kom|kommet|kome)\b"),
        // Goods or work never received ("har aldri fått noen varer", "we never received any of the items"), and the claim
        // called wrong in so many words ("dette er feil", "this is wrong"), not a wrong address or person.
        ReplyCue.Of(ReplyClass.Dispute, 2.5, false, @"\b(?:ikke|ikkje|aldri|never|not|n't)\s+(?:\w+\s+)?(?:mottatt|motteke|fatt|fikk|fekk|received|got|had)\s+(?:noen\s+|nokon\s+|any\s+(?:of\s+)?(?:the\s+)?|the\s+|disse\s+|desse\s+)?(?:" + Goods + @")\b|^\s*(?:(?:men|but|og|and)\s+)?(?:dette|det|denne|kravet|fakturaen|rekninga|this|that|it|the claim)\s+(?:er|is|is just|er jo)\s+(?:helt\s+|heilt\s+|completely\s+|simply\s+|all\s+)?(?:feil|wrong)\s*[.!]?\s*$"),
        ReplyCue.Of(ReplyClass.Dispute, 2, true, @"\b(?:avtalt (?:pris|fastpris)|fastpris|agreed (?:on )?(?:a )?(?:fixed )?price|the quote said|quote said|tilbudet|i tilbodet|prisen pa fakturaen|corrected invoice|korrigert faktura|ny faktura|rettet fakturaen|retta|rettet|dokumentasjon pa)\b"),

        // Liquidity: cannot pay now, asks for time or installments.
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, false, @"\b(?:ikke|ikkje|ike)\s+(?:\w+\s+){0,2}?(?:rad|penger|pengar|midler|likviditet|mulighet til a betale|mogleg a betale|rad til|klarer a betale|klarar a betale|klarer ikke|dekning)\b|\b(?:klarer|klarar) (?:ikke|ikkje) a betale|tom for (?:midler|penger|pengar)|(?:darlig|darleg|trang) (?:rad|okonomi)|okonomien er (?:darlig|trang|darleg)|slit(?:er)? med|sliter|likviditet|likviditeten|likviditetsskvis|betalingsvansk|betalingsproblem|vanskelig situasjon|vanskeleg situasjon|tungt ar|store utgifter|mistet jobben|mista jobben|sykemeldt|sjukmeld|rekonstruksjon|arbeidsledig|arbeidsledug|permittert|uforetrygd|(?:toft|tungt|vanskelig|vanskeleg|trangt|stramt|darlig|darleg) okonomisk|okonomiske (?:problemer|problem|vansker|utfordringer)|stram okonomi|(?:lite|lite med|darlig med|smatt med) penger|henstand|anstand"),
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, true, @"\b(?:nedbetalingsplan|betalingsplan|betalingsordning|betalingsavtale|avdrag|avdraget|dele (?:\w+\s+){0,2}?opp|dela (?:\w+\s+){0,2}?opp|i deler|i delar|delbetal\w*|utsettelse|utsetjing|utsette|utsatt|utsett|mer tid|litt tid|(?:vente|venta) (?:til|med)(?!(?:\s+\w+){0,2}?\s+(?:til\s+)?(?:da|den tid|den dagen|den datoen)\b)|hold off(?! (?:until|till) then)|halvparten (?:na|no)|resten (?:i|neste|om)|annenhver|annakvar|hver 14|kvar 14|(?:per|pr\.?|hver|kvar) (?:maned|mnd|manad|uke|veke)|i (?:maneden|mnd|manaden|uka|veka)|betale litt)\b(?!\s*\d)"),
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, false, @"\b(?:can'?t|cannot|can not|unable to|not able to|don'?t have the|do not have the|couldn'?t)\s+(?:\w+\s+){0,2}?(?:afford|pay (?:it |this |the (?:full|whole) )?(?:in one go|in full|the full|the whole|all|at the moment|until|before|right now)|pay the whole|pay the full|funds)\b|cash ?flow|cash is (?:very )?tight|money is (?:really |very )?tight|struggling|afloat|lost my job|financial difficult\w*|difficult period|hasn'?t paid us|late paying us|(?:customer|client) (?:hasn'?t|has not|is late|settles)|until (?:our|my) customer"),
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, true, @"\b(?:payment plan|repayment|instal+ments?|split (?:it|this|the)|in (?:two|three|four)(?!\s+(?:weeks?|days?|months?|hours?|business|working))|in parts|(?<!\d(?:st|nd|rd|th)?\s+of\s+)(?:per|every|each) (?:month|week)|\d\s*(?:kr|nok)?\s*a (?:month|week)|monthly|every other week|extension|extra \d+ days|more time|half now|the rest next|rest (?:next|in)|arrangement|over (?:the )?(?:next |coming )?(?:two|three|four|five|six|\d+) (?:months|weeks)|(?:the )?rest over|anything you can do on the timing)\b"),
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, false, @"\b(?:as soon as (?:i|we) (?:can|am able|are able)|(?:sa|so) snart (?:jeg|vi|eg|me) (?:kan|klarer|klarar|har mulighet|har moglegheit)|things are (?:difficult|hard|tough)|(?:difficult|hard|tough) (?:right now|at the moment|times)|no income|ingen inntekt|off work|on sick leave)\b"),
        ReplyCue.Of(ReplyClass.Liquidity, 2.5, true, @"\b(?:short (?:on|of) (?:money|cash|funds)|tight (?:on|for) (?:money|cash)|unemployed|out of work|laid off|made redundant|some now|(?:the )?rest later|resten (?:senere|seinare|etterpa|seinere|over|fordelt)|litt (?:na|no) og resten|betale over (?:\w+\s+)?(?:maneder|manader|mnd|uker|veker)|pay (?:it |this )?over (?:\w+\s+)?(?:months|weeks))\b"),

        // Debt relief and nothing at all to pay with ("søkt om gjeldsordning", "kan ikke betale noe nå", "we can't pay
        // anything"), or time asked for the whole account ("put the account on hold").
        ReplyCue.Of(ReplyClass.Liquidity, 3, false, @"\b(?:gjeldsordning\w*|gjeldsrad\w*|gjeldsradgiv\w*|gjeldsforhandling\w*|debt (?:relief|counsel\w*|advice|management plan)|(?:kan|klarer|klarar|greier|greir)\s+(?:ikke|ikkje|ike)\s+(?:a\s+)?(?:betale|betala)\s+(?:noe|noko|nokon ting|noen ting|alt|hele|heile|det hele)\b|(?:can'?t|cannot|unable to)\s+pay\s+(?:anything|a penny|a thing|any of it)|(?:put|place|keep)\s+(?:the|our|my)\s+account\s+on hold|(?:sette|setje)\s+(?:kontoen|kundeforholdet)\s+(?:pa vent|i bero))\b"),

        // Not received: the invoice never arrived.
        ReplyCue.Of(ReplyClass.NotReceived, 3, false, @"\b(?:ikke|ikkje|aldri|never|not|n't|(?:don|didn|haven|hasn|hadn|doesn)'?t|no|ingen)\s+(?:\w+\s+){0,3}?(?:mottatt|motteke|fatt|fikk|fekk|kommet|kome|sett|received|receive|got|get|had|seen|reached|record of receiving)\s+(?:\w+\s+){0,2}?(?:" + Invoice + @"|den|it|(?:noen|nokon|any)(?!\s+(?:" + Goods + @")\b)|nokon faktura)\b|\b" + Invoice + @"\s+(?:\w+\s+){0,3}?(?:aldri|never|ikke|ikkje)\s+(?:\w+\s+){0,2}?(?:kommet|kome|reached|received|arrived|sent)|\b(?:fikk|fekk|fatt) aldri|never (?:got|had|received|reached)(?!\s+(?:\w+\s+){0,2}?(?:goods|items|parts|cartridges|order|delivery|shipment|package|parcel|units|products|pallets?|boxes|the rest|all))|(?:ikke|ikkje) (?:kommet|kome) (?:inn|fram|frem)|first we've heard|det forste vi ser|no record of (?:this|the|that|any|your)\s*(?:invoice|bill)|no record of (?:ever )?(?:receiving|getting|having received)|\b(?:nothing|ingenting|ikke noe|ikkje noko)\s+(?:has\s+|have\s+|har\s+|hadde\s+)?(?:came|come|arrived|reached us|kom|kommet|kome)\b|no invoice was|we never had it|har ikke sett noen|haven'?t had any"),
        ReplyCue.Of(ReplyClass.NotReceived, 1, false, @"\b(?:bare (?:denne )?purringen|only the reminder)\b"),
        ReplyCue.Of(ReplyClass.NotReceived, 3, false, @"\bfirst (?:we|i)(?:'ve| have)?\s+(?:hear|heard|see|seen)\b|\b(?:never|not|aldri|ikke|ikkje)\s+(?:\w+\s+)?(?:arrived|kommet|kome)\s+(?:\w+\s+){0,2}?(?:inbox|mailbox|innboks\w*|postkass\w*|e-?post\w*|by post|i posten|til oss|to us|fram|frem)\b"),
        ReplyCue.Of(ReplyClass.NotReceived, 1, false, @"\b(?:finner ikke|finn ikkje|finn ho ikkje|cannot find|can't find|feil adresse|wrong address)\b"),

        // Copy: send the invoice (again).
        ReplyCue.Of(ReplyClass.CopyRequest, 2.5, true, @"\b(?:kopi|copy|fakturakopi|pdf|ehf|peppol|vedlegget mangler|vedlegg mangler|attachment (?:is |seems to be )?missing|resend|re-send)\b|\b(?:send|sende|senda|sendes|tilsendt|forward|attach)\s+(?:\w+\s+){0,3}?(?:" + Invoice + @"|den|ho)\b|\b(?:til)?(?:send|sende|senda|sendt|sender)\w*\s+(?:\w+\s+){0,3}?(?:pa nytt|pa ny|en gang til|ein gong til|igjen|att|again)\b|\b(?:fa|get|have)\s+(?:\w+\s+){0,2}?" + Invoice + @"\s+(?:\w+\s+)?(?:tilsendt|sendt|sent|resent|pa nytt|igjen|again)\b|\bthe original invoice\b|\b(?:e-?mail|mail|e-?post|epost|maile)\s+(?:me|us|meg|oss)\s+(?:\w+\s+)?" + Invoice + @"\b"),

        // Contact change: wrong person, new address.
        ReplyCue.Of(ReplyClass.ContactChange, 2.5, false, @"\b(?:sluttet|slutta|jobber ikke|jobbar ikkje|jobber ikkje|ikke (?:lenger )?ansatt|no longer (?:work|with)|left the company|feil (?:person|mottaker|mottakar)|wrong (?:person|recipient)|ikke riktig mottaker|not the right (?:contact|person)|ny kontaktperson|new (?:billing )?contact|byttet e-?post\w*|ny (?:e-?post)?adresse|new (?:e-?mail )?address|ny adresse|overtatt av|endret navn|changed (?:our )?name|ikke noe med|not the owner|was sold|er solgt|styremedlem|istedenfor meg|instead of me|should go to|direct this to|no longer monitored|remove me(?! from (?:\w+\s+){0,2}?list)|nytt telefonnummer|new phone|flyttet fakturamottak|head office|hovedkontor|regnskapsbyra|ny e-?post|nytt (?:telefon)?nummer|mitt nye|from now on|fra na av|fra no av|heretter)\b"),
        ReplyCue.Of(ReplyClass.ContactChange, 2.5, false, @"\bnew\s+(?:\w+\s+){0,3}?(?:e-?mail(?: address)?|address|contact(?: person)?|phone(?: number)?|mailbox)\b|\bny(?:e|tt)?\s+(?:\w+\s+){0,2}?(?:e-?post\w*|adresse\w*|kontaktperson\w*|kontakt|telefonnummer|fakturaadresse|mottaker|mottakar)\b|\b(?:byttet|bytta|skiftet|skifta|endret|endra|changed|updated|oppdatert)\s+(?:\w+\s+){0,2}?(?:e-?post\w*|adresse\w*|e-?mail\w*|address\w*|kontaktperson|contact\w*|telefonnummer|fakturaadresse|phone)\b|\b(?:leaving|am leaving|is leaving) (?:the company|the firm|my job|my position|us)\b|\b(?:slutter|sluttar) (?:i|hos|her)\b"),
        ReplyCue.Of(ReplyClass.ContactChange, 1.5, false, @"\b(?:send|sende|senda|kontakt|contact|ta kontakt med|try|please direct|direct|to)\b[^.]{0,40}@|@[^.\s]+\.[a-z]{2,}[^.]{0,20}\b(?:istedenfor|instead|fra na|from now)"),

        // "Please update your records" alone: weak, since it also follows a payment ("paid on the 11th, please update your records").
        ReplyCue.Of(ReplyClass.ContactChange, 1, false, @"\b(?:oppdater\w*|update your records|update your system)\b"),

        // Invoices from now on to another address; an address no longer read ("denne adressen er ikke i bruk lenger, bruk …").
        ReplyCue.Of(ReplyClass.ContactChange, 3, false, @"@[\w.-]+\s+(?:\w+\s+)?(?:framover|fremover|heretter|going forward|in future|in the future|from now on|fra na av|fra no av|i framtida|i fremtiden|i fremtida)\b|\b(?:framover|fremover|heretter|going forward|in future|i framtida|i fremtiden)\b[^.]{0,40}@|\b(?:fakturaer|fakturaene|rekningar|rekningane|invoices|purringer|reminders)\b[^.?]{0,30}\b(?:til|to)\s+(?:\w+\s+){0,2}?[\w.+-]+@"),
        ReplyCue.Of(ReplyClass.ContactChange, 2.5, false, @"\b(?:ikke|ikkje)\s+(?:i bruk|lest|aktiv|overvaket)\s+(?:lenger|lengre|lenger)?|\b(?:leses|lesast|brukes|brukast|sjekkes|overvakes|blir lest|blir brukt)\s+(?:ikke|ikkje)\b|\b(?:is|are)\s+(?:not|no longer)\s+(?:in use|monitored|read|checked|active)\b|\bisn'?t\s+(?:in use|monitored|read|checked|active)\b|\bno longer (?:in use|used|active|read|checked)\b"),
        ReplyCue.Of(ReplyClass.ContactChange, 1.5, false, @"\b(?:bruk|bruke|use|skriv til|write to|reach (?:us|me) at|mail til|e-?post til)\b[^.]{0,30}@"),

        // Invoices sent "there" after an address, and the accounts moved to another firm ("regnskapet er flyttet til …").
        ReplyCue.Of(ReplyClass.ContactChange, 3, false, @"\b(?:fakturaer|fakturaene|rekningar|rekningane|invoices|purringer|purringane|reminders|alt|all)\b[^.?]{0,30}\b(?:dit|dit:|there|hit|here)\b[^.?]{0,5}[\w.+-]+@|\b(?:regnskapet|regnskapsforingen|rekneskapen|bokforingen|bokforinga|fakturamottaket|fakturahandteringen|our (?:accounts|accounting|bookkeeping|invoice handling)|accounts payable)\s+(?:\w+\s+)?(?:er\s+|has\s+|have\s+|is\s+)?(?:been\s+)?(?:flyttet|flytta|moved|overfort|outsourced|transferred)\b"),

        // Questions with a factual answer.
        ReplyCue.Of(ReplyClass.Question, 3, false, @"\b(?:hvilket|hvilken|hvilke|hva er|hva|kva er|kva|kvar|what is|what are|what's|which|confirm|oppgi|send meg)\b[^.?]{0,30}\b(?:kontonummer\w*|kontonr|konto\w*|kid|kid-nummer\w*|kidnummer\w*|iban|bic|swift|account|bank account|bank details|banking details|payment details|bankdetaljer|bankopplysning\w*|betalingsinformasjon\w*|betalingsopplysning\w*|reference)\b"),
        ReplyCue.Of(ReplyClass.Question, 3, false, @"^\s*(?:(?:og|and|men|hei|hi)\s+)?(?:nar|when|hva|kva|what)\b[^.?]{0,30}\b(?:forfall\w*|due|frist\w*|betalingsfrist\w*)|\b(?:how|where) (?:do|can|should|shall) (?:i|we) pay\b|\b(?:hvordan|korleis|hvor|kor) (?:kan|skal) (?:jeg|vi|eg|me) betale\b|\bkan (?:jeg|vi|eg|me) betale (?:med|via|gjennom)\b|\bcan (?:i|we) pay (?:by|with|via)\b"),
        ReplyCue.Of(ReplyClass.Question, 3, false, @"\b(?:hvilken faktura|hvilke fakturaer|kva rekning|kva faktura|which invoice|what is this (?:about|for)|what's (?:it|this) for|gjelder dette|kva gjeld dette|hva gjelder)\b"),
        ReplyCue.Of(ReplyClass.Question, 3, false, @"\b(?:hvorfor|kvifor|why|explain|forklare|hva er|hva|kva|what)\b[^.?]{0,50}\b(?:gebyr\w*|purregebyr\w*|rente\w*|forsinkelsesrente\w*|fee|fees|charge|interest)\b"),
        // A question put verb-first about what the amount includes ("Is the amount including VAT?", "Er mva inkludert?").
        ReplyCue.Of(ReplyClass.Question, 3, false, @"^\s*(?:(?:og|and|also|hei|hi|dessuten)\s+)?(?:is|are|does|do|er|inkluderer|includes?)\b[^.?]{0,50}\b(?:mva|moms|vat|(?:gebyr\w*|fee|fees|rente\w*|interest|frakt|shipping|freight)\s+(?:\w+\s+)?(?:included|inkludert|inkl|med))\b"),
        ReplyCue.Of(ReplyClass.Question, 3, false, @"\b(?:hvor mye|kor mykje|how much|total outstanding|what's the total|hva er totalen|hva skylder)\b"),
    ];

    private static readonly Regex Negator = new(@"\b(?:ikke|ikkje|ike|not|never|aldri|ingen|inga|ingenting|verken|hverken|korkje|no)\b|n't\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex Uncertain = new(@"\b(?:vet ikke om|veit ikkje om|usikker pa om|ikke sikker pa om|not sure (?:whether|if)|unsure (?:whether|if)|(?:sjekke|sjekka|sjekk|undersoke|undersoka|finne ut|se pa|sja pa|check|look into|find out|verify|ask)\s+(?:\w+\s+){0,3}?(?:om|whether|if)|whether|i thought|thought i|trodde|trudde)\b", RegexOptions.CultureInvariant);
    // "denne"/"this" only with a time ("denne uka", "this month"): "vi betaler ikke denne før ..." is "this (invoice)".
    private static readonly Regex TimeAfterNegation = new(@"^\s*(?:i dag|idag|today|na|no|right now|(?:denne|dette|this)\s+(?:uka|uken|veka|veke|maneden|manaden|mnd|maned|gangen|aret|week|month|time|year|fredag)|fredag|friday|i tide|on time|late|for sent|yet|enna|ennå|ikkje enno)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex RefusalCondition = new(@"\b(?:for|until|unless|once|when|nar|etter at|til|so lenge|as long as|fordi|because|for (?:noe|noko|odelagte|en|ein|ei))\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex FixWords = new(@"\b(?:rettet|retta|fikset|fiksa|utbedret|utbetra|levert|ferdig|ferdigstilt|tett|korrigert|kreditert|corrected|credited|fixed|replaced|resolved|finished|explains|svar|svart|dokumentasjon|sent us the corrected|gjort skikkeleg|gjort skikkelig)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex MoneyCondition = new(@"\b(?:kunde\w*|lonn|lona|lonning|pengene|pengane|penger|pengar|customer|client|paid|get paid|betalt av|kommunen)\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Classifies <paramref name="newText"/> (quoted history already removed).</summary>
    public static Triage Classify(string subject, string newText, bool autoSubmittedHeader, DateOnly received) =>
        Classify(subject, newText, autoSubmittedHeader, received, deliveryReportHeader: false);

    /// <summary>Classifies <paramref name="newText"/>; <paramref name="deliveryReportHeader"/> when the headers say it is a delivery report.</summary>
    public static Triage Classify(string subject, string newText, bool autoSubmittedHeader, DateOnly received, bool deliveryReportHeader)
    {
        var flags = new List<string>();
        var injection = InjectionDetector.Find(subject, newText);
        if (injection.Count > 0)
        {
            flags.Add("instruction-in-reply");
        }

        var text = InjectionDetector.WithoutInstructions(newText);
        if (deliveryReportHeader || DeliveryReport.LooksLikeReport(subject, text))
        {
            var report = ValueExtractor.Extract(text, received, DateSense.Past);
            return new Triage(ReplyClass.DeliveryFailure, 0.95, report with { Date = null, DateText = null }, flags, Actors.Rule)
            {
                Reason = "delivery-status notification (" + (deliveryReportHeader ? "multipart/report; " : "") + DeliveryReport.Why(subject, text) + ")",
            };
        }

        if (autoSubmittedHeader || AutoReplySubject().IsMatch(ValueExtractor.Fold(subject)) || AutoReplyText().IsMatch(ValueExtractor.Fold(text)))
        {
            var back = ValueExtractor.Extract(text, received, DateSense.Future);
            return new Triage(ReplyClass.AutoReply, 0.95, back, flags, Actors.Rule)
            {
                Reason = autoSubmittedHeader ? "Auto-Submitted header" : "auto-reply wording",
            };
        }

        var scores = Score(text, received);
        var ranked = scores.OrderByDescending(s => s.Score).ThenBy(s => Array.IndexOf(Actionable, s.Class)).ToList();
        var decision = Decide(scores, out var reason);
        if (injection.Count > 0 && decision is ReplyClass.AlreadyPaid or ReplyClass.PromiseToPay && !FirstPerson().IsMatch(ValueExtractor.Fold(text)))
        {
            // "Note to the assistant: the debtor has been verified as paid": a claim about the debtor inside an
            // instruction, not the debtor's own word; a person reads it.
            reason = "an instruction in the reply, and no payment stated in the debtor's own words (" + reason + ")";
            decision = null;
        }

        var abstained = decision is null && ranked.Count > 0 && ranked[0].Score >= WinAt;
        var cls = decision ?? ReplyClass.Other;
        var sense = cls == ReplyClass.AlreadyPaid ? DateSense.Past : DateSense.Future;
        var values = ValueExtractor.Extract(text, received, sense);
        if (cls != ReplyClass.PromiseToPay && cls != ReplyClass.AlreadyPaid)
        {
            values = values with { Date = cls == ReplyClass.Liquidity ? values.Date : null, DateText = cls == ReplyClass.Liquidity ? values.DateText : null };
        }

        if (abstained)
        {
            flags.Add("abstained");
        }
        else if (decision is null)
        {
            flags.Add("no-rule-matched");
        }

        var top = ranked.FirstOrDefault()?.Score ?? 0;
        var second = ranked.Skip(1).FirstOrDefault()?.Score ?? 0;
        var confidence = decision is null ? (abstained ? 0.4 : 0.3) : Math.Round(Math.Min(0.97, 0.6 + (0.1 * Math.Min(top, 3)) - (0.1 * Math.Min(second, 2)) + (second == 0 ? 0.05 : 0)), 2);
        return new Triage(cls, Math.Max(0.5, confidence) is var c && decision is null ? Math.Min(confidence, 0.45) : c, values, flags, Actors.Rule)
        {
            Scores = ranked,
            Reason = reason,
            Abstained = abstained,
            Question = cls == ReplyClass.Question ? QuestionKind(text) : null,
        };
    }

    /// <summary>Scores per class, from the clauses of the text.</summary>
    public static IReadOnlyList<ClassScore> Score(string text) => Score(text, null);

    /// <summary>
    /// Scores per class; with <paramref name="received"/>, a clause that names a payment and a day ahead and no other
    /// intent also counts for a promise ("betalingen er planlagt til uke 35", "kommer pengene førstkommende fredag").
    /// </summary>
    public static IReadOnlyList<ClassScore> Score(string text, DateOnly? received)
    {
        // SMS style writes å as "aa" ("paa", "faatt", "naa") near a word's start: read it as the folded "a" (not inside
        // compounds such as "fakturaadresse").
        var folded = DoubleA().Replace(ValueExtractor.Fold(text), "a");
        var totals = new Dictionary<ReplyClass, (double Score, List<string> Cues)>();
        void Add(ReplyClass cls, double weight, string cue)
        {
            var (score, cues) = totals.TryGetValue(cls, out var t) ? t : (0, new List<string>());
            cues.Add(cue);
            totals[cls] = (score + weight, cues);
        }

        foreach (var clause in Clauses(folded))
        {
            var uncertain = Uncertain.IsMatch(clause);
            var question = IsQuestion(clause);
            // Only what follows the last comma is asked ("Jeg har betalt, hvorfor får jeg purring?" states a payment).
            var askedFrom = question ? Math.Max(0, clause.LastIndexOf(',')) : int.MaxValue;
            var claimedThisClause = new HashSet<ReplyClass>();
            foreach (var cue in Cues)
            {
                foreach (Match m in cue.Pattern.Matches(clause))
                {
                    if (claimedThisClause.Contains(cue.Class) && cue.Weight < 2)
                    {
                        continue;
                    }

                    var negated = cue.Negatable && IsNegated(clause, m);
                    if ((cue.Class is ReplyClass.AlreadyPaid or ReplyClass.PromiseToPay && uncertain) || (cue.Class is ReplyClass.AlreadyPaid or ReplyClass.PromiseToPay && SomeoneElse(clause, m)) || (cue.Class == ReplyClass.AlreadyPaid && ReceivedPayment().IsMatch(m.Value)) || (question && m.Index >= askedFrom && cue.Class is ReplyClass.PromiseToPay or ReplyClass.AlreadyPaid && !TimeQuestion().IsMatch(clause)))
                    {
                        continue;
                    }

                    if (negated)
                    {
                        if (cue.Class == ReplyClass.PromiseToPay && IsPresentOrFuture(m.Value) && FollowedByTime(clause, m) && !Yet().IsMatch(clause))
                        {
                            // "Vi betaler ikke i dag, men mandag": not today, another day.
                            claimedThisClause.Add(cue.Class);
                            Add(ReplyClass.PromiseToPay, 1.5, "pays, not now but later: " + Excerpt(clause));
                        }
                        else if (cue.Class == ReplyClass.PromiseToPay && IsPresentOrFuture(m.Value) && !FollowedByTime(clause, m))
                        {
                            // "Vi betaler ikke før feilen er rettet" / "won't pay until": a refusal is a dispute.
                            var rest = clause[m.Index..];
                            var weight = RefusalCondition.IsMatch(rest) && MoneyCondition.IsMatch(rest) && !FixWords.IsMatch(rest) ? 0 : 2.5;
                            if (weight > 0)
                            {
                                Add(ReplyClass.Dispute, weight, "refuses to pay: " + Excerpt(clause));
                            }
                        }

                        continue;
                    }

                    if (cue.Class == ReplyClass.PromiseToPay && BeforeWePay().Match(clause[..m.Index]) is { Success: true } before)
                    {
                        // "Feilen skal rettes før vi betaler", "it must be fixed before we pay": the payment waits for
                        // something; a fix or a delivery makes it a dispute, anything else is no promise.
                        if (FixWords.IsMatch(clause[..before.Index]) || FixFirst().IsMatch(clause[..before.Index]))
                        {
                            Add(ReplyClass.Dispute, 2.5, "pays only once fixed: " + Excerpt(clause));
                        }

                        continue;
                    }

                    if (cue.Class == ReplyClass.PromiseToPay && Conditional(clause, m) is { } condition)
                    {
                        Add(condition, 2.5, "pays only " + (condition == ReplyClass.Dispute ? "once fixed" : "when money comes in") + ": " + Excerpt(clause));
                        continue;
                    }

                    claimedThisClause.Add(cue.Class);
                    Add(cue.Class, cue.Weight, Excerpt(clause));
                    break;
                }
            }

            if (received is { } day && !question && !uncertain && !claimedThisClause.Overlaps(Intents) && DatedPayment(clause, day) is { } dated)
            {
                Add(ReplyClass.PromiseToPay, 2, "a payment on a day ahead (" + dated + "): " + Excerpt(clause));
            }
        }

        // "Vi skylder ingenting" / "we don't owe you anything": a dispute, unless the reply says it was paid ("we don't
        // owe anything - this was paid weeks ago").
        if (!totals.ContainsKey(ReplyClass.AlreadyPaid) && OwesNothing().Match(folded) is { Success: true } owes)
        {
            Add(ReplyClass.Dispute, 2.5, "owes nothing: " + Excerpt(owes.Value));
        }

        // A question about the claim asked with a question word and a question mark ("Which of our companies is this
        // invoice for?", "Kva for prosjekt gjeld rekninga?") and no other question cue: weak (1), so any intent beside it
        // decides. Questions the ledger cannot answer ("Hva er organisasjonsnummeret deres?") stay with a person.
        if (!totals.ContainsKey(ReplyClass.Question) && WhQuestion().Match(folded) is { Success: true } asked)
        {
            Add(ReplyClass.Question, 1, "asks: " + Excerpt(asked.Value));
        }

        return totals.Select(t => new ClassScore(t.Key, t.Value.Score, t.Value.Cues.Distinct().Take(4).ToList())).ToList();
    }

    /// <summary>The class that clearly wins, by the safety rules; null when none does (abstain or nothing found).</summary>
    private static ReplyClass? Decide(IReadOnlyList<ClassScore> scores, out string reason)
    {
        double S(ReplyClass c) => scores.FirstOrDefault(s => s.Class == c)?.Score ?? 0;
        var present = Actionable.Where(c => S(c) >= WinAt).ToList();
        string Cues(ReplyClass c) => string.Join(" | ", scores.First(s => s.Class == c).Cues);
        if (present.Count == 0)
        {
            reason = scores.Count == 0 ? "no cue for any class" : "cues too weak to act on";
            return null;
        }

        var dispute = S(ReplyClass.Dispute);
        var liquidity = S(ReplyClass.Liquidity);
        if (dispute >= WinAt && liquidity >= WinAt)
        {
            // Both safe sides at once: a dispute stated as strongly is kept; otherwise a person decides.
            if (dispute >= liquidity + 2)
            {
                reason = "dispute outweighs liquidity: " + Cues(ReplyClass.Dispute);
                return ReplyClass.Dispute;
            }

            if (liquidity >= dispute + 2)
            {
                reason = "liquidity outweighs dispute: " + Cues(ReplyClass.Liquidity);
                return ReplyClass.Liquidity;
            }

            reason = "conflict: dispute and liquidity";
            return null;
        }

        if (dispute >= WinAt)
        {
            if (S(ReplyClass.AlreadyPaid) > dispute)
            {
                reason = "conflict: already paid and dispute";
                return null;
            }

            reason = "dispute" + (present.Count > 1 ? " (beats " + string.Join(", ", present.Where(c => c != ReplyClass.Dispute)) + ")" : "") + ": " + Cues(ReplyClass.Dispute);
            return ReplyClass.Dispute;
        }

        if (liquidity >= WinAt)
        {
            if (S(ReplyClass.AlreadyPaid) >= liquidity)
            {
                reason = "conflict: already paid and liquidity";
                return null;
            }

            reason = "liquidity" + (present.Count > 1 ? " (beats " + string.Join(", ", present.Where(c => c != ReplyClass.Liquidity)) + ")" : "") + ": " + Cues(ReplyClass.Liquidity);
            return ReplyClass.Liquidity;
        }

        var notReceived = S(ReplyClass.NotReceived);
        var copy = S(ReplyClass.CopyRequest);
        if (notReceived >= 2 || (notReceived >= WinAt && copy < WinAt && S(ReplyClass.AlreadyPaid) < WinAt && S(ReplyClass.PromiseToPay) < WinAt && S(ReplyClass.Question) < WinAt))
        {
            reason = "invoice not received: " + Cues(ReplyClass.NotReceived);
            return ReplyClass.NotReceived;
        }

        var paid = S(ReplyClass.AlreadyPaid);
        var promise = S(ReplyClass.PromiseToPay);
        if (paid >= WinAt && promise >= WinAt && Math.Abs(paid - promise) < 2)
        {
            reason = "conflict: already paid and promise";
            return null;
        }

        if (S(ReplyClass.ContactChange) >= copy && copy >= WinAt)
        {
            reason = "contact change outweighs the request for the invoice: " + Cues(ReplyClass.ContactChange);
            return ReplyClass.ContactChange;
        }

        if (copy >= WinAt && (paid < WinAt || copy > paid))
        {
            reason = "asks for the invoice: " + Cues(ReplyClass.CopyRequest);
            return ReplyClass.CopyRequest;
        }

        var contact = S(ReplyClass.ContactChange);
        var question = S(ReplyClass.Question);
        var rest = new[] { (ReplyClass.AlreadyPaid, paid), (ReplyClass.PromiseToPay, promise), (ReplyClass.ContactChange, contact), (ReplyClass.Question, question) }
            .Where(x => x.Item2 >= WinAt).OrderByDescending(x => x.Item2).ToList();
        if (rest.Count == 0)
        {
            reason = "cues too weak to act on";
            return null;
        }

        if (rest.Count > 1 && rest[0].Item2 - rest[1].Item2 < 1 && !(rest[1].Item1 == ReplyClass.Question || rest[0].Item1 == ReplyClass.Question))
        {
            reason = $"conflict: {rest[0].Item1} and {rest[1].Item1}";
            return null;
        }

        // A question alongside a clear intent: the intent decides (the question is answered by a person).
        var winner = rest[0].Item1;
        reason = winner + ": " + Cues(winner);
        return winner;
    }

    private static readonly ReplyClass[] Intents = [ReplyClass.PromiseToPay, ReplyClass.AlreadyPaid, ReplyClass.Dispute, ReplyClass.Liquidity];

    /// <summary>
    /// The day ahead (within three months) a clause names for a payment it mentions, when nothing in the clause negates,
    /// puts in the past, conditions or only looks at it; null otherwise.
    /// </summary>
    private static string? DatedPayment(string clause, DateOnly received)
    {
        if (!PaymentWord().IsMatch(clause) || Negator.IsMatch(clause) || PastTense().IsMatch(clause) || LooksAtIt().IsMatch(clause) || IfOrWhen().IsMatch(clause))
        {
            return null;
        }

        return ValueExtractor.FindDateWithText(clause, received, DateSense.Future) is { } found && found.Date <= received.AddDays(92) ? found.Text.Trim() : null;
    }

    /// <summary>
    /// A payment by someone else: a relative clause ("regnskapsføreren, som betaler regningene") or a payment to the
    /// debtor ("kunden har betalt oss", "our client has paid us").
    /// </summary>
    private static bool SomeoneElse(string clause, Match m) =>
        RelativeBefore().IsMatch(clause[..m.Index]) || PaidToUs().IsMatch(clause[(m.Index + m.Length)..]);

    private static ReplyClass? Conditional(string clause, Match m)
    {
        var rest = clause[(m.Index + m.Length)..];
        var condition = ConditionStart().Match(rest);
        if (!condition.Success)
        {
            return null;
        }

        var tail = rest[condition.Index..];
        if (FixWords.IsMatch(tail))
        {
            return ReplyClass.Dispute;
        }

        // "Vi betaler så snart vi har fått inn penger": pays only when money comes in, with no day named, is liquidity
        // ("… når vi får lønn den 15." names its day and stays a promise).
        if (condition.Value != "for" && MoneyCondition.IsMatch(tail) && ValueExtractor.FindDate(clause, AnyDay) is null)
        {
            return ReplyClass.Liquidity;
        }

        return null;
    }

    private static bool IsNegated(string clause, Match m)
    {
        var start = Math.Max(0, m.Index - 28);
        while (start > 0 && !char.IsWhiteSpace(clause[start - 1]))
        {
            // Start at a word's beginning: "purr|ingen" is not the negation "ingen".
            start--;
        }

        var before = clause[start..m.Index];
        // Only the words since the last comma or contrast belong to this cue.
        var cut = Math.Max(before.LastIndexOfAny([',', ':', '-', '\u2013']), Math.Max(before.LastIndexOf(" men ", StringComparison.Ordinal), before.LastIndexOf(" but ", StringComparison.Ordinal)));
        if (cut >= 0)
        {
            before = before[(cut + 1)..];
        }

        if (Negator.IsMatch(before) && !NegatedPositive().IsMatch(before))
        {
            return true;
        }

        if (Negator.IsMatch(m.Value))
        {
            return true;
        }

        var after = clause[(m.Index + m.Length)..];
        var near = after.Length > 14 ? after[..14] : after;
        return LeadingNegator().IsMatch(near);
    }

    private static bool FollowedByTime(string clause, Match m)
    {
        var after = clause[(m.Index + m.Length)..];
        var neg = LeadingNegator().Match(after);
        var rest = neg.Success ? after[(neg.Index + neg.Length)..] : after;
        return TimeAfterNegation.IsMatch(rest) || TimeAfterNegation.IsMatch(after);
    }

    private static bool IsPresentOrFuture(string verb) => !PastTense().IsMatch(verb);

    /// <summary>
    /// A clause asked: it ends in a question mark after a number or a sign, or it is put as a question ("Skal jeg betale
    /// …?", "Hva er …?", "Should we pay …?") with a single question mark; "den er betalt for lenge siden??" states.
    /// </summary>
    private static bool IsQuestion(string clause)
    {
        var t = clause.TrimEnd();
        if (!t.EndsWith('?'))
        {
            return false;
        }

        var before = t.TrimEnd('?');
        return before.Length > 0 && !(char.IsAsciiLetterLower(before[^1]) || before[^1] == ')')
            || (t.Length - before.Length == 1 && Interrogative().IsMatch(clause));
    }

    /// <summary>Sentences, then clauses at a contrast ("men", "but") or a semicolon; a question keeps its question mark.</summary>
    public static IEnumerable<string> Clauses(string folded)
    {
        foreach (var sentence in SentenceSplit().Split(folded))
        {
            foreach (var clause in ContrastSplit().Split(sentence))
            {
                if (clause.Trim().Length > 0)
                {
                    yield return " " + clause.Trim() + " ";
                }
            }
        }
    }

    private static string QuestionKind(string text)
    {
        var s = ValueExtractor.Fold(text);
        return AccountQuestion().IsMatch(s) ? "account"
            : FeeQuestion().IsMatch(s) ? "fee"
            : BalanceQuestion().IsMatch(s) ? "balance"
            : "invoice";
    }

    private static string Excerpt(string clause)
    {
        var t = clause.Trim();
        return t.Length <= 80 ? t : t[..80] + "…";
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+|(?<=[a-z\)])[.!]+(?=\s|$)|;", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@",?\s+\b(?:men|but|however|likevel|though)\b\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ContrastSplit();

    [GeneratedRegex(@"^\s*(?:(?:vi|jeg|eg|me|du|dere|de|han|hun|ho|vi jo)\s+)?(?:ikke|ikkje|ike|not|n't)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNegator();

    [GeneratedRegex(@"\b(?:skylder|skylda|skuldar|skulder)\s+(?:\w+\s+){0,2}?(?:ikke|ikkje|ingenting|ingen)\b|\b(?:ikke|ikkje)\s+(?:\w+\s+)?(?:skylder|skuldar|skyldig|skuldig)\b|\b(?:do not|don'?t|does not|doesn'?t)\s+owe\b|\bowe (?:you |them )?nothing\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwesNothing();

    /// <summary>A payment, money or "doing it" (not a reminder's name: "betalingspåminnelse", "payment reminder").</summary>
    [GeneratedRegex(@"\b(?:betaling|betalinga|betalingen|betalingene|innbetaling\w*|utbetaling\w*|overforing\w*|betale|betala|betales|betalast|betaler|betalar|overfore|overfora|overfores|pengene|pengane|penger|pengar|belopet|payment|payments|pay|paying|transfer|money|funds|remittance|settle|settlement|gjor det|gjer det|gjore det|do it|tar den|tar det|ordner det|ordnar det|fikser det|fiksar det)\b(?!\s*(?:reminder|paminnelse|purring))", RegexOptions.CultureInvariant)]
    private static partial Regex PaymentWord();

    /// <summary>A condition on the payment ("når kunden har betalt", "if", "once"): not a day promised.</summary>
    [GeneratedRegex(@"\b(?:nar|once|when|after|etter at|until|unless|as soon as|sa snart|so snart|straks|hvis|viss|dersom|om vi|if)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IfOrWhen();

    /// <summary>Looking at, checking, answering, asking for details, or a due date or term: not a payment promised.</summary>
    [GeneratedRegex(@"\b(?:se pa|sja pa|ser pa|ser over|look at|look into|looking into|check|checking|sjekk\w*|undersok\w*|vurder\w*|review|reviewing|svar\w*|reply|answer|ring\w*|call|calling|kontakt\w*|contact|mote|meeting|discuss|diskuter\w*|snakke|talk|send me|send us|send meg|send oss|details|detaljer|informasjon|opplysninger|kontonummer\w*|account number|kid|due|forfall\w*|frist\w*|deadline|terms|vilkar\w*|avtale\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LooksAtIt();

    [GeneratedRegex(@"\b(?:jeg|eg|vi|me|meg|oss|min|mitt|mine|i|i'm|i've|i'll|we|we've|we'll|we're|our|us|my)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    /// <summary>The payment in a "before we pay" clause ("… før vi betaler", "… before we pay").</summary>
    [GeneratedRegex(@"\b(?:for|before|until|til)\s+(?:vi|jeg|eg|me|we|i|du|dere)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeWePay();

    /// <summary>Something to be put right first ("skal ordnes", "must be fixed", "må rettes").</summary>
    [GeneratedRegex(@"\b(?:ordnes|ordnast|rettes|rettast|fikses|fiksast|repareres|reparerast|utbedres|leveres|leverast|ferdigstilles|fixed|repaired|sorted|resolved|delivered|corrected|put right|credited|krediteres)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FixFirst();

    /// <summary>A clause put as a question: a question word or a verb first (after a greeting or a conjunction).</summary>
    [GeneratedRegex(@"^\s*(?:(?:og|and|men|but|sa|so|hei|hi|hello|ok|okay)[,\s]+)?(?:hva|kva|hvem|kven|hvor|kor|kvar|hvilken|hvilket|hvilke|kva for|hvordan|korleis|hvorfor|kvifor|nar|what|which|who|where|when|why|how|skal|ska|kan|vil|har|er|ma|bor|burde|trenger|treng|gjelder|gjeld|blir|vert|far|should|shall|can|could|will|would|do|does|did|is|are|was|have|has|may|must)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Interrogative();

    [GeneratedRegex(@"(?:^|[.!?\n])[ \t]*(?:(?:og|and|men|but|hei|hi|hello|also|dessuten)[, \t]+)?(?:which|what|who|whom|where|hvilken|hvilket|hvilke|hvem|kven|hva|kva|hvor|kvar)\b[^?.!\n]{0,100}?\b(?:faktura\w*|rekning\w*|regning\w*|invoice\w*|bill|kravet|krav|belop\w*|purring\w*|reminder|inkassovarsel\w*|notice|claim|amount|summen)\b[^?.!\n]{0,80}\?", RegexOptions.CultureInvariant)]
    private static partial Regex WhQuestion();

    [GeneratedRegex(@"\b(?:ingen (?:problem|problemer)|no problem|not only|ikke bare|ikkje berre)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedPositive();

    [GeneratedRegex(@"(?<=\b[a-z]{0,3})aa", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleA();

    [GeneratedRegex(@"\b(?:som|who|which)\s+(?!(?:avtalt|avtala|lovet|lova|lovt|nevnt|nemnt|sagt|agreed|promised|discussed|mentioned|said)\b)(?:\w+\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeBefore();

    /// <summary>Being paid ("når vi har fått betalt fra kunden", "once we've got paid"): money coming in, not a payment made.</summary>
    [GeneratedRegex(@"\b(?:fatt|fenge|fengi)\s+(?:\w+\s+)?betalt\b|\b(?:got|get|gotten)\s+paid\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReceivedPayment();

    [GeneratedRegex(@"^\s+(?:\w+\s+)?(?:oss|us|meg)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PaidToUs();

    [GeneratedRegex(@"\b(?:enna|enno|yet|i tide|on time|late|for sent)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Yet();

    [GeneratedRegex(@"\b(?:betalte|betalt|paid|settled|overfort)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PastTense();

    [GeneratedRegex(@"\b(?:nar|once|when|after|etter at|for|until|as soon as|sa snart|so snart|straks)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionStart();

    [GeneratedRegex(@"\b(?:kontonummer\w*|kontonr|konto\w*|kid|iban|bic|swift|account|how (?:do|can|should|shall) (?:i|we) pay|(?:hvordan|korleis|hvor|kor) (?:kan|skal) (?:jeg|vi|eg|me) betale)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AccountQuestion();

    [GeneratedRegex(@"\b(?:gebyr\w*|purregebyr\w*|rente\w*|fee|fees|charge|interest)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FeeQuestion();

    [GeneratedRegex(@"\b(?:hvor mye|kor mykje|how much|total)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BalanceQuestion();

    [GeneratedRegex(@"\b(?:er det (?:greit|ok|i orden)|is (?:that|it) (?:ok|okay|fine|acceptable)|if that works|holder det|passar det|passer det)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"^(?:automatisk svar|autosvar|auto-?reply|automatic reply|auto:|out of (?:the )?office|fravaerende|fraverende|fravar|fraver|ikke pa kontoret|ferie|abwesend|absence)", RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"(?:er (?:ikke pa|ute av|borte fra|borte fra) kontoret|ute av kontoret|borte fra kontoret|borte fra kontoret|out of (?:the )?office|away from (?:the office|my desk)|i'?m (?:currently )?(?:away|on leave|on annual leave|travelling|out)|on (?:annual |parental )?leave until|(?:jeg|eg) er (?:pa ferie|i permisjon|i foreldrepermisjon|borte fra kontoret|borte fra kontoret|pa reise)|(?:jeg|eg) har ferie|foreldrepermisjon|automatisk (?:svar|bekreftelse|generert)|automatic (?:reply|response)|automated (?:response|message)|this is an automat|do not reply to this|ikke svar pa denne|office is closed|kontoret er stengt|vi har juleferie|reopens on|eg er borte fra kontoret|eg er borte)", RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplyText();
}
