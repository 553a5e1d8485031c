using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Plans;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.DebtorPage;

/// <summary>
/// The debtor's answers from the page. Each is checked (antiforgery token, values, policy), archived as evidence with
/// the time, the link id and the client address, stored as a reply, and handed to the same <see cref="ReplyActions"/>
/// as the matching email reply; when that handler sends no message, a receipt confirms it in writing.
/// </summary>
public sealed class DebtorPageActions(
    PageReader reader,
    ReplyActions replies,
    IReplyStore replyStore,
    DebtorLinks links,
    CaseMessenger mail,
    ICaseActions cases,
    IEvidenceArchive archive,
    BusinessClock clock,
    IOptions<PlanPolicy> planPolicy,
    ILogger<DebtorPageActions> logger)
{
    public const string Actor = "debtor-page";
    public const string ReceiptTemplate = "debtor-page-receipt";
    public const string LinkTemplate = "debtor-page-link";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "paid", "promise", "dispute", "plan", "copy", "contact" };

    public async Task<ActionResult> HandleAsync(DebtorLink link, string token, string action, PageForm form, string clientAddress, CancellationToken cancellationToken)
    {
        if (!Names.Contains(action) || await reader.ModelAsync(link, token, cancellationToken) is not { } model)
        {
            return new ActionResult(null, null);
        }

        var l = model.Language;
        if (!links.CheckFormToken(token, action, form.One("form")))
        {
            logger.LogWarning("Debtor page: form {Action} with a wrong antiforgery token from {ClientAddress}", action, clientAddress);
            return Rejected(model, action, form, [PageTexts.T(l, "err-form")]);
        }

        var today = model.Today;
        var errors = new List<string>();
        ReplyAnswer? reply = null;
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Func<string, IReadOnlyDictionary<string, string>>? receipt = null;
        switch (action)
        {
            case "paid":
                {
                    var date = Date(form.One("paidDate"));
                    var reference = Limit(form.One("reference"), 100);
                    if (date is null)
                    {
                        errors.Add(PageTexts.T(l, "err-date"));
                    }
                    else if (date > today || date < today.AddYears(-1))
                    {
                        errors.Add(PageTexts.T(l, "err-paid-date"));
                    }
                    else
                    {
                        fields["paidDate"] = Iso(date.Value);
                        fields["reference"] = reference ?? "";
                        var text = $"Paid {Iso(date.Value)}" + (reference is null ? "" : $", reference {reference}");
                        reply = Reply(ReplyClass.AlreadyPaid, new ExtractedValues(date, null, null, []), text);
                        var paid = date.Value;
                        receipt = language => Receipt("paid", ("PaidDate", LetterFormat.Date(paid, language)), ("Reference", reference ?? ""));
                    }

                    break;
                }

            case "promise":
                {
                    var date = Date(form.One("date"));
                    if (date is null || date > today.AddYears(1))
                    {
                        errors.Add(PageTexts.T(l, "err-date"));
                    }
                    else if (date < today)
                    {
                        errors.Add(PageTexts.T(l, "err-promise-past"));
                    }
                    else
                    {
                        fields["date"] = Iso(date.Value);
                        reply = Reply(ReplyClass.PromiseToPay, new ExtractedValues(date, null, null, []), $"I will pay on {Iso(date.Value)}");
                        var promised = date.Value;
                        receipt = language => Receipt("promise", ("PromisedDate", LetterFormat.Date(promised, language)));
                    }

                    break;
                }

            case "dispute":
                {
                    var open = model.Invoices.Select(i => i.InvoiceNumber).ToHashSet(StringComparer.Ordinal);
                    var chosen = form.All("invoice").Where(open.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    var reason = Limit(form.One("reason"), 2000);
                    if (chosen.Count == 0)
                    {
                        errors.Add(PageTexts.T(l, "err-invoices"));
                    }

                    if (reason is null)
                    {
                        errors.Add(PageTexts.T(l, "err-reason"));
                    }

                    if (errors.Count == 0)
                    {
                        fields["invoices"] = string.Join(",", chosen);
                        fields["reason"] = reason!;
                        reply = Reply(ReplyClass.Dispute, new ExtractedValues(null, null, null, chosen), reason!);
                    }

                    break;
                }

            case "plan":
                {
                    var amount = decimal.TryParse(form.One("amount")?.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && a > 0m ? a : (decimal?)null;
                    var frequency = Enum.TryParse<PlanFrequency>(form.One("frequency"), ignoreCase: false, out var f) && Enum.IsDefined(f) ? f : (PlanFrequency?)null;
                    if (amount is null)
                    {
                        errors.Add(PageTexts.T(l, "err-amount"));
                    }

                    if (frequency is null)
                    {
                        errors.Add(PageTexts.T(l, "err-frequency"));
                    }

                    if (errors.Count == 0 && model.Claim is { } claim)
                    {
                        // The plan policy decides: an installment it would raise (too small, or too long a plan) is refused here.
                        var schedule = PlanSchedule.Build(new PlanInput(claim.Principal, claim.Fees, claim.Interest + claim.Compensation, claim.Currency, today, 0m, amount, frequency), planPolicy.Value);
                        if (schedule.InstallmentRaisedToMinimum || schedule.InstallmentRaisedToFitDuration)
                        {
                            errors.Add(PageTexts.T(l, "err-plan", claim.Currency, LetterFormat.Money(schedule.InstallmentPrincipal, l)));
                        }
                    }

                    if (errors.Count == 0)
                    {
                        fields["amount"] = amount!.Value.ToString("0.00", CultureInfo.InvariantCulture);
                        fields["frequency"] = frequency!.Value.ToString();
                        reply = Reply(ReplyClass.Liquidity, new ExtractedValues(null, amount, null, []), $"Payment plan asked for on the debtor page: {fields["amount"]} {frequency}") with { ProposedFrequency = frequency.ToString() };
                        var currency = model.Claim?.Currency ?? model.Creditor.Currency;
                        receipt = language => Receipt("plan", ("Amount", LetterMoney.Of(amount.Value, currency, language)), ("Frequency", PageTexts.T(language, frequency.Value.ToString()).ToLowerInvariant()));
                    }

                    break;
                }

            case "copy":
                reply = Reply(ReplyClass.CopyRequest, new ExtractedValues(null, null, null, []), "Send me a copy of the invoice (debtor page)");
                receipt = _ => Receipt("copy");
                break;

            case "contact":
                {
                    var email = Limit(form.One("email"), 200);
                    var phone = Limit(form.One("phone"), 40);
                    var address = Limit(form.One("address"), 500);
                    if (email is null && phone is null && address is null)
                    {
                        errors.Add(PageTexts.T(l, "err-contact"));
                    }
                    else if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
                    {
                        errors.Add(PageTexts.T(l, "err-email"));
                    }
                    else
                    {
                        fields["email"] = email ?? "";
                        fields["phone"] = phone ?? "";
                        fields["address"] = address ?? "";
                        reply = Reply(ReplyClass.ContactChange, new ExtractedValues(null, null, null, []),
                            $"New contact details from the debtor's page; confirm them before they are used for formal notices. Email: {email ?? "-"}; phone: {phone ?? "-"}; invoice address: {address ?? "-"}.");
                        receipt = _ => Receipt("contact");
                    }

                    break;
                }
        }

        if (errors.Count > 0 || reply is null)
        {
            return Rejected(model, action, form, errors);
        }

        var key = "page:" + link.TokenId + ":" + action + ":" + Hash(JsonSerializer.Serialize(fields));
        reply = reply with { Key = key, Note = $"Debtor page ({action}, link {link.TokenId})", ReplyAddress = ReminderContent.ReplyAddress(model.Creditor.Email, model.Case.ReplyToken) };
        var record = JsonSerializer.SerializeToUtf8Bytes(new { action, fields, tokenId = link.TokenId, clientAddress, at = clock.Now }, Json.Indented);

        // Archived before anything changes, so that every applied answer has its record (idempotent on the key).
        await archive.AppendAsync(new EvidenceItem(
            link.CreditorId, link.DebtorId, link.CaseId, EvidenceKinds.InboundReply, "Debtor page: " + action, "application/json", record, Actor, key, clock.Now,
            new Dictionary<string, string> { ["tokenId"] = link.TokenId, ["clientAddress"] = clientAddress, ["action"] = action, [EvidenceMetadata.Timeline] = TimelineSections.Reply, [EvidenceMetadata.Summary] = "Debtor answered on the page: " + action }), cancellationToken);
        var replyId = "page-" + Hash(key);
        await replyStore.StoreAsync(replyId, key, "application/json", record, clock.Now, cancellationToken);

        var outcome = await replies.ActAsync(model.Case, reply, cancellationToken);
        if (!outcome.ConfirmedInWriting && receipt is not null)
        {
            // The receipt states the answer; it asks for no payment (the debtor has just told us how they will settle).
            await mail.SendAsync(model.Case, ReceiptTemplate, key + ":receipt", receipt, Actors.Rule, cancellationToken, content: new LetterContent { Payable = _ => false });
        }

        await replyStore.UpdateAsync(replyId, new Dictionary<string, object?>
        {
            ["State"] = outcome.AwaitsLedger ? AlreadyPaidCheck.AwaitingLedger : ReplyProcessor.Processed,
            ["Class"] = reply.Class.ToString(),
            ["Action"] = outcome.Summary,
            ["CreditorId"] = link.CreditorId,
            ["DebtorId"] = link.DebtorId,
            ["CaseId"] = link.CaseId,
            ["MatchedBy"] = "debtor-page",
        }, cancellationToken);
        logger.LogInformation("Debtor page: {Action} for case {CaseId} (link {TokenId}, client {ClientAddress}) -> {Outcome}", action, link.CaseId, link.TokenId, clientAddress, outcome.Summary);
        return new ActionResult(action, null);

        ReplyAnswer Reply(ReplyClass cls, ExtractedValues values, string text) =>
            new(cls, values, today, "", "", "the debtor's page (link " + link.TokenId + ")", null, "Debtor page: " + action, text, ArrangementSource.Reply);
    }

    /// <summary>
    /// "Send me a new link" on an expired link: a fresh link goes to the debtor's known address (never to one typed in),
    /// at most once a day per link. An unknown or revoked link gets the same answer and nothing is sent.
    /// </summary>
    public async Task RenewAsync(DebtorLink? known, string clientAddress, CancellationToken cancellationToken)
    {
        if (known is null || await cases.GetAsync(known.CreditorId, known.DebtorId, cancellationToken) is not { } found || found.CaseId != known.CaseId)
        {
            return;
        }

        var key = $"page-renew:{known.TokenId}:{clock.Today:yyyy-MM-dd}";
        var fresh = await links.IssueAsync(known.CreditorId, known.DebtorId, known.CaseId, "renewal", cancellationToken);
        var sent = await mail.SendAsync(found, LinkTemplate, key, language => new Dictionary<string, string>
        {
            ["PageLink"] = fresh.Url,
            ["PageLinkExpires"] = LetterFormat.Date(clock.ToLocalDate(fresh.ExpiresAt), language),
        }, Actors.Rule, cancellationToken);
        await archive.AppendAsync(new EvidenceItem(
            known.CreditorId, known.DebtorId, known.CaseId, EvidenceKinds.Decision, "Debtor page: new link sent", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(new { expiredTokenId = known.TokenId, newTokenId = fresh.TokenId, clientAddress, sent = sent is not null, at = clock.Now }, Json.Indented),
            Actors.Rule, key, clock.Now, new Dictionary<string, string> { ["tokenId"] = known.TokenId, ["clientAddress"] = clientAddress }), cancellationToken);
        logger.LogInformation("Debtor page: new link {TokenId} for case {CaseId} sent to the known address (asked from {ClientAddress})", fresh.TokenId, known.CaseId, clientAddress);
    }

    /// <summary>The receipt template's fields: which answer (<c>extra.Answer</c>) and its values, worded by the template.</summary>
    private static Dictionary<string, string> Receipt(string answer, params (string Name, string Value)[] values)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["Answer"] = answer };
        foreach (var (name, value) in values)
        {
            extra[name] = value;
        }

        return extra;
    }

    private static ActionResult Rejected(PageModel model, string action, PageForm form, IReadOnlyList<string> errors)
    {
        var values = form.Fields.Where(f => f.Key != "form").ToDictionary(f => f.Key, f => string.Join(",", f.Value), StringComparer.Ordinal);
        return new ActionResult(null, PageView.Page(model with { OpenForm = action, Errors = errors, Values = values }));
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Limit(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length > max ? value[..max] : value;

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24].ToLowerInvariant();
}
