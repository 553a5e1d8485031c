using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Hosting;
using Receivables.Plans;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>
/// Processes a stored reply (queue <see cref="StorageNames.Queues.ProcessReply"/>): match to a case, triage, act within
/// the rules, archive the reply and the decision. Idempotent: every effect is keyed on the reply id, and a processed
/// reply is skipped.
/// </summary>
public sealed class ReplyProcessor(
    IReplyStore store,
    ICaseActions cases,
    IEvidenceArchive archive,
    ReplyMail mail,
    IArrangementRequests arrangements,
    ITaskStore tasks,
    ReplyTasks replyTasks,
    ReplyActions actions,
    IReplyClassifier classifier,
    BusinessClock clock,
    IOptions<RepliesOptions> options,
    ICreditorDirectory creditors,
    ILogger<ReplyProcessor> logger) : IQueueHandler<ProcessReplyMessage>
{
    public const string Processed = "processed";

    public string Queue => StorageNames.Queues.ProcessReply;

    public async Task HandleAsync(ProcessReplyMessage message, QueueDelivery delivery, CancellationToken cancellationToken)
    {
        var reply = await store.GetAsync(message.ReplyId, cancellationToken)
            ?? throw new ReceivablesException($"Reply '{message.ReplyId}' is not stored.");
        if (reply.State == Processed)
        {
            logger.LogInformation("Reply {ReplyId} already processed; skipped", reply.ReplyId);
            return;
        }

        var payload = await store.ReadPayloadAsync(reply, cancellationToken);
        var email = reply.ContentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? InboundParser.ParseForm(reply.ContentType, payload)
            : InboundParser.ParseMime(payload);
        var received = clock.ToLocalDate(email.Date ?? reply.ReceivedAt);
        var newText = ReplyText.NewText(email.Text, email.Html);
        // A delivery report is a server's words, never the debtor's: the rules read it and no model is asked.
        var triage = email.DeliveryReport
            ? RuleClassifier.Classify(email.Subject, newText + "\n" + email.DeliveryStatus, email.AutoSubmitted, received, deliveryReportHeader: true)
            : await classifier.ClassifyAsync(email.Subject, newText, email.AutoSubmitted, received, cancellationToken);

        var match = await MatchAsync(cases, email, cancellationToken);
        if (match.Case is not { } found)
        {
            await OpenUnmatchedTaskAsync(reply, email, triage, match, cancellationToken);
            await store.UpdateAsync(reply.ReplyId, new Dictionary<string, object?> { ["State"] = Processed, ["Class"] = triage.Class.ToString(), ["MatchedBy"] = match.MatchedBy }, cancellationToken);
            return;
        }

        var flags = triage.Flags.ToList();
        var sender = InboundParser.Address(email.From);
        if (!SenderBelongsToDebtor(sender, found))
        {
            flags.Add("sender-not-debtor");
        }

        if (email.SpfFailed || email.DkimFailed)
        {
            flags.Add("sender-unauthenticated");
        }

        if (triage.Confidence < options.Value.ReviewBelowConfidence && !flags.Contains("no-rule-matched") && !triage.Abstained)
        {
            flags.Add("low-confidence");
        }

        triage = triage with { Flags = flags };
        await archive.AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.InboundReply,
            "Reply: " + email.Subject, reply.ContentType, payload, Actors.System,
            "reply:" + reply.ReplyId, reply.ReceivedAt,
            new Dictionary<string, string> { ["replyId"] = reply.ReplyId, ["from"] = sender, ["attachments"] = email.Attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }), cancellationToken);

        var action = await ActAsync(reply, email, found, triage, received, cancellationToken);
        var decision = new ReplyDecision(reply.ReplyId, found.CaseId, match.MatchedBy, triage.Class.ToString(), triage.Confidence, triage.Values, flags, action.Summary, triage.Actor, Actors.Rule)
        {
            Reason = triage.Reason,
            Candidates = triage.Scores,
        };
        await archive.AppendAsync(new EvidenceItem(
            found.CreditorId, found.DebtorId, found.CaseId, EvidenceKinds.Decision,
            $"Reply classified as {triage.Class}: {action.Summary}", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(decision, Json.Indented), triage.Actor,
            "reply-decision:" + reply.ReplyId, clock.Now,
            new Dictionary<string, string> { ["replyId"] = reply.ReplyId, ["class"] = triage.Class.ToString() }), cancellationToken);

        await store.UpdateAsync(reply.ReplyId, new Dictionary<string, object?>
        {
            ["State"] = action.AwaitsLedger ? AlreadyPaidCheck.AwaitingLedger : Processed,
            ["Class"] = triage.Class.ToString(),
            ["Confidence"] = triage.Confidence,
            ["Action"] = action.Summary,
            ["Flags"] = string.Join(",", flags),
            ["CreditorId"] = found.CreditorId,
            ["DebtorId"] = found.DebtorId,
            ["CaseId"] = found.CaseId,
            ["MatchedBy"] = match.MatchedBy,
            ["Thread"] = Email.ReplyThread.Of(email.MessageId, email.References, email.Subject)?.ToStored(),
        }, cancellationToken);
        logger.LogInformation("Reply {ReplyId} for case {CaseId}: {Class} ({Confidence}) -> {Action}", reply.ReplyId, found.CaseId, triage.Class, triage.Confidence, action.Summary);
    }

    /// <summary>Reply token in a recipient address, then In-Reply-To/References, then the sender's address or domain.</summary>
    public static async Task<ReplyMatch> MatchAsync(ICaseActions cases, InboundEmail email, CancellationToken cancellationToken)
    {
        foreach (var token in email.To.Select(ReplyToken).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await cases.FindByReplyTokenAsync(token, cancellationToken) is { } byToken)
            {
                return new ReplyMatch(byToken, "reply-token", [byToken]);
            }
        }

        var ids = new[] { email.InReplyTo }.Concat(email.References.Reverse()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await cases.FindByMessageIdAsync(id.Trim('<', '>'), cancellationToken) is { } byId)
            {
                return new ReplyMatch(byId, "message-id", [byId]);
            }
        }

        var byEmail = await cases.FindByEmailAsync(InboundParser.Address(email.From), cancellationToken);
        return byEmail.Count switch
        {
            1 => new ReplyMatch(byEmail[0], "sender-address", byEmail),
            0 => new ReplyMatch(null, "none", []),
            _ => new ReplyMatch(null, "ambiguous", byEmail),
        };
    }

    /// <summary>The token of a plus-address ("reply+TOKEN@domain"), or null.</summary>
    public static string? ReplyToken(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? address : address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == local.Length - 1 ? null : local[(plus + 1)..];
    }

    private static bool SenderBelongsToDebtor(string sender, CaseView found)
    {
        if (found.DebtorEmail is not { Length: > 0 } known)
        {
            return false;
        }

        var debtor = InboundParser.Address(known);
        if (string.Equals(sender, debtor, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var domain = Domain(debtor);
        return domain is not null && !PublicMailDomains.Contains(domain) && string.Equals(Domain(sender), domain, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> PublicMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com", "online.no", "live.no", "hotmail.no",
    };

    private static string? Domain(string address) => address.LastIndexOf('@') is var at and > 0 ? address[(at + 1)..] : null;

    private async Task<ReplyAction> ActAsync(StoredReply reply, InboundEmail email, CaseView found, Triage triage, DateOnly received, CancellationToken cancellationToken)
    {
        var key = "reply:" + reply.ReplyId;
        var note = $"Reply {reply.ReplyId} ({triage.Class}, {triage.Confidence:0.00})";
        if (triage.Class == ReplyClass.DeliveryFailure)
        {
            // A server's report, not the debtor's words (so its sender is never the debtor): it only opens a contact task.
            return await DeliveryFailedAsync(email, found, triage, key, cancellationToken);
        }

        if (triage.Flags.Contains("sender-not-debtor") || triage.Flags.Contains("sender-unauthenticated"))
        {
            await OpenTaskAsync(found, TaskKinds.ReviewReply, $"Reply from an unverified sender ({InboundParser.Address(email.From)})",
                $"Classified as {triage.Class}, but the sender is not the debtor's known address or failed SPF/DKIM. The case was not changed. Subject: {email.Subject}", key, cancellationToken,
                new TaskFacts { Reason = TaskReasons.UnverifiedSender, Reference = InboundParser.Address(email.From), Subject = email.Subject, Grounds = ["class:" + triage.Class] });
            return new ReplyAction("none: sender not verified, task opened");
        }

        if (triage.Flags.Contains("instruction-in-reply") || triage.Abstained || triage.Flags.Contains("model-review"))
        {
            // Never act on a reply that tries to instruct the system, or on one no class clearly wins: a person decides.
            var why = triage.Flags.Contains("instruction-in-reply")
                ? "The reply contains instructions aimed at a system or an assistant (" + string.Join(", ", InjectionDetector.Find(email.Subject, ReplyText.NewText(email.Text, email.Html))) + "); nothing was done automatically."
                : triage.Abstained ? "No single class clearly won (" + triage.Reason + "); nothing was done automatically."
                : "The model's answer could not be used (" + triage.Reason + "); nothing was done automatically.";
            await OpenTaskAsync(found, TaskKinds.ReviewReply, "Review reply: " + email.Subject,
                why + " Candidates: " + Candidates(triage) + ". The debtor wrote: " + Excerpt(ReplyText.NewText(email.Text, email.Html)), key + ":review", cancellationToken,
                new TaskFacts
                {
                    Reason = TaskReasons.ReplyNotActedOn,
                    Reference = triage.Flags.Contains("instruction-in-reply") ? "instruction" : triage.Abstained ? "abstained" : "model",
                    Subject = email.Subject,
                    Quote = Excerpt(ReplyText.NewText(email.Text, email.Html)),
                });
            return new ReplyAction("none: review task opened (" + (triage.Flags.Contains("instruction-in-reply") ? "instruction in reply" : triage.Abstained ? "abstained" : "model answer unusable") + ")");
        }

        var action = await ActOnClassAsync(reply, email, found, triage, received, key, note, cancellationToken);
        if (triage.Flags.Contains("low-confidence"))
        {
            await OpenTaskAsync(found, TaskKinds.ReviewReply, "Review reply: " + string.Join(", ", triage.Flags),
                $"The reply was classified as {triage.Class} ({triage.Confidence:0.00}) and handled by rule only ({action.Summary}). Check it. Subject: {email.Subject}", key + ":review", cancellationToken,
                new TaskFacts { Reason = TaskReasons.LowConfidence, Reference = triage.Class.ToString(), Subject = email.Subject });
            action = action.FlaggedForReview();
        }

        return action;
    }

    /// <summary>
    /// What the debtor's reply does: an acceptance of a proposed plan puts it in force; the classes a debtor can also
    /// answer on the debtor's page go to <see cref="ReplyActions"/> (the same handling for both channels); auto-replies,
    /// questions and unrecognised replies are email's own.
    /// </summary>
    private async Task<ReplyAction> ActOnClassAsync(StoredReply reply, InboundEmail email, CaseView found, Triage triage, DateOnly received, string key, string note, CancellationToken cancellationToken)
    {
        var replyAddress = email.To.FirstOrDefault(a => ReplyToken(a) == found.ReplyToken);
        var text = ReplyText.NewText(email.Text, email.Html);
        if (triage.Class is not (ReplyClass.AutoReply or ReplyClass.Dispute) && ProposalAcceptance.IsAcceptance(text)
            && await arrangements.AcceptByReplyAsync(found.CreditorId, found.DebtorId, "reply " + reply.ReplyId, cancellationToken) is { } accepted)
        {
            // The plans feature confirms the acceptance in writing and pauses the case for the plan.
            return new ReplyAction("repayment plan " + accepted + " accepted; in force");
        }

        switch (triage.Class)
        {
            case ReplyClass.AutoReply:
                return new ReplyAction(triage.Values.Date is { } back ? $"none: auto-reply (away until {back:yyyy-MM-dd}); nothing paused" : "none: auto-reply; nothing paused");

            case ReplyClass.Question:
                {
                    var question = triage.Question ?? "invoice";
                    var answered = await mail.AcknowledgeAsync(found, Email.MessageTemplates.ReplyAnswer, replyAddress, key, new Dictionary<string, string> { ["class"] = "question", ["Question"] = question }, cancellationToken);
                    if (answered == Acknowledgement.AlreadyAcknowledged)
                    {
                        return new ReplyAction($"question ({question}) not answered again (answered within {options.Value.AcknowledgeAtMostEvery})");
                    }

                    if (answered == Acknowledgement.NothingToSay)
                    {
                        await OpenTaskAsync(found, TaskKinds.ReviewReply, "Answer the debtor's question: " + email.Subject,
                            $"The debtor asks about {question}; there were no ledger details to answer it from. The debtor wrote: " + Excerpt(text), key, cancellationToken,
                            new TaskFacts { Reason = TaskReasons.QuestionUnanswered, Reference = question, Subject = email.Subject, Quote = Excerpt(text) });
                        return new ReplyAction($"task opened: question ({question}) without ledger details");
                    }

                    return new ReplyAction($"question ({question}) answered from the ledger");
                }

            case ReplyClass.PromiseToPay:
            case ReplyClass.Dispute:
            case ReplyClass.Liquidity:
            case ReplyClass.AlreadyPaid:
            case ReplyClass.NotReceived:
            case ReplyClass.CopyRequest:
            case ReplyClass.ContactChange:
                {
                    var answer = new ReplyAnswer(triage.Class, triage.Values, received, key, note, "reply " + reply.ReplyId, replyAddress, email.Subject, text, ArrangementSource.Reply, triage.Values.Frequency)
                    {
                        Thread = Email.ReplyThread.Of(email.MessageId, email.References, email.Subject),
                    };
                    return await actions.ActAsync(found, answer, cancellationToken);
                }

            default:
                await OpenTaskAsync(found, TaskKinds.ReviewReply, "Read reply: " + email.Subject,
                    "No class was recognised (" + (triage.Reason.Length > 0 ? triage.Reason : "no cue") + "). Candidates: " + Candidates(triage) + ". The debtor wrote: " + Excerpt(text), key, cancellationToken,
                    new TaskFacts { Reason = TaskReasons.ReplyUnrecognised, Subject = email.Subject, Quote = Excerpt(text) });
                return new ReplyAction("task opened (other)");
        }
    }

    /// <summary>A bounce: the address the case writes to is failing (a permanent failure), a person finds a working one; never a debtor's intent.</summary>
    private async Task<ReplyAction> DeliveryFailedAsync(InboundEmail email, CaseView found, Triage triage, string key, CancellationToken cancellationToken)
    {
        var text = ReplyText.NewText(email.Text, email.Html) + "\n" + email.DeliveryStatus;
        var failed = DeliveryReport.FailedRecipients(text, InboundParser.Address(email.From));
        var debtorAddress = found.DebtorEmail is { Length: > 0 } known ? InboundParser.Address(known) : null;
        var address = failed.FirstOrDefault(a => a == debtorAddress) ?? failed.FirstOrDefault() ?? debtorAddress ?? "(unknown)";
        if (!DeliveryReport.IsPermanent(text))
        {
            return new ReplyAction($"none: delivery to {address} delayed (temporary); recorded");
        }

        await tasks.OpenAsync(found.CreditorId, TaskKinds.InvalidEmail, found.DebtorId, found.CaseId,
            $"No valid email for debtor {found.DebtorId}",
            $"A delivery report says mail to {address} failed ({triage.Reason}). Find a working address for the debtor and update it in the ledger or ERP.",
            $"invalid-email:{found.DebtorId}:{address}", cancellationToken,
            new TaskFacts { Reason = TaskReasons.EmailFailing, Reference = address });
        return new ReplyAction($"address {address} failing; contact task opened");
    }

    private static string Candidates(Triage triage) =>
        triage.Scores.Count == 0 ? "none" : string.Join("; ", triage.Scores.Take(4).Select(s => $"{s.Class} {s.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} ({string.Join(" | ", s.Cues.Take(2))})"));

    private Task OpenTaskAsync(CaseView found, string kind, string title, string details, string key, CancellationToken cancellationToken, TaskFacts? facts = null) =>
        replyTasks.OpenAsync(found, kind, "", title, details, key, cancellationToken, facts);

    private async Task OpenUnmatchedTaskAsync(StoredReply reply, InboundEmail email, Triage triage, ReplyMatch match, CancellationToken cancellationToken)
    {
        var active = match.Candidates.Count > 0 ? null : await creditors.ActiveAsync(cancellationToken);
        var creditor = match.Candidates.FirstOrDefault()?.CreditorId ?? CreditorAddressed(email, active!) ?? (active!.Count == 1 ? active.Keys.First() : "unassigned");
        var details = new StringBuilder()
            .Append(match.MatchedBy == "ambiguous" ? $"The sender matches {match.Candidates.Count} cases ({string.Join(", ", match.Candidates.Select(c => c.CaseId))}); " : "No case matches this reply; ")
            .Append($"it looks like {triage.Class}. From {InboundParser.Address(email.From)}, subject '{email.Subject}', stored as reply {reply.ReplyId}.")
            .ToString();
        await replyTasks.OpenUnmatchedAsync(creditor, InboundParser.Address(email.From), "Unmatched reply: " + email.Subject, details, "reply:" + reply.ReplyId, cancellationToken,
            new TaskFacts
            {
                Reason = TaskReasons.ReplyUnmatched,
                Reference = InboundParser.Address(email.From),
                Subject = email.Subject,
                Grounds = ["class:" + triage.Class, .. match.MatchedBy == "ambiguous" ? ["cases:" + string.Join(",", match.Candidates.Select(c => c.CaseId))] : Array.Empty<string>()],
            });
        logger.LogWarning("Reply {ReplyId} from {From} matched no single case ({MatchedBy}); task opened", reply.ReplyId, InboundParser.Address(email.From), match.MatchedBy);
    }

    /// <summary>The creditor whose address (reply addresses are its email, plus-addressed) received the reply.</summary>
    private static string? CreditorAddressed(InboundEmail email, IReadOnlyDictionary<string, RegisteredCreditor> active)
    {
        static string Plain(string address)
        {
            var a = InboundParser.Address(address);
            var at = a.IndexOf('@', StringComparison.Ordinal);
            var plus = at < 0 ? -1 : a.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 && plus < at ? a[..plus] + a[at..] : a;
        }

        var recipients = email.To.Select(Plain).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return active.Values.Where(c => c.Profile.Email is { Length: > 0 }).FirstOrDefault(c => recipients.Contains(Plain(c.Profile.Email)))?.Id;
    }

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
