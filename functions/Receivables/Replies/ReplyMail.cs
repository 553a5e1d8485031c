using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;

namespace Receivables.Replies;

/// <summary>
/// The replies feature's messages (acknowledgements, promise confirmation, invoice copy, the outcome of an "already paid"
/// check), written through the <see cref="CaseMessenger"/> under the reply's key and the template, and threaded to the
/// debtor's message (<see cref="LetterContent.Thread"/>).
/// </summary>
public sealed class ReplyMail(CaseMessenger messenger, IReplyStore store, TimeProvider time, Microsoft.Extensions.Options.IOptions<RepliesOptions> options)
{
    /// <summary>
    /// Acknowledges a debtor's reply (promise confirmation, dispute acknowledgement, invoice copy, an answer) unless the
    /// debtor already got this kind of acknowledgement within <see cref="RepliesOptions.AcknowledgeAtMostEvery"/>: a
    /// flood of replies gets one letter, not one per reply.
    /// </summary>
    public Task<Acknowledgement> AcknowledgeAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken, LetterContent? content = null) =>
        AcknowledgeAsync(found, template, key, _ => extra, cancellationToken, replyAddress is null ? content : (content ?? new LetterContent()) with { ReplyAddress = replyAddress });

    /// <param name="about">What the letter is about when letters of one template can differ in substance (the invoices a
    /// dispute holds): each gets its own once-per-period allowance.</param>
    /// <param name="attachments">Files to send with the letter, made only when it is sent, and before the letter is
    /// rendered (so <paramref name="extra"/> may say what is attached).</param>
    public async Task<Acknowledgement> AcknowledgeAsync(CaseView found, string template, string key, Func<string, IReadOnlyDictionary<string, string>> extra, CancellationToken cancellationToken, LetterContent? content = null, string? about = null, Func<CancellationToken, Task<IReadOnlyList<EmailAttachment>>>? attachments = null)
    {
        var period = options.Value.AcknowledgeAtMostEvery;
        var kind = about is null ? template : template + ":" + about;
        if (period > TimeSpan.Zero && !await store.ClaimAcknowledgementAsync(found.CreditorId, found.DebtorId, kind, key, time.GetUtcNow(), period, cancellationToken))
        {
            return Acknowledgement.AlreadyAcknowledged;
        }

        if (await SendAsync(found, template, key, extra, cancellationToken, content, attachments is null ? null : await attachments(cancellationToken)))
        {
            return Acknowledgement.Sent;
        }

        if (period > TimeSpan.Zero)
        {
            await store.ReleaseAcknowledgementAsync(found.CreditorId, found.DebtorId, kind, key, cancellationToken);
        }

        return Acknowledgement.NothingToSay;
    }

    /// <summary>
    /// Returns false when there is nothing to say it with (no ledger entry for the debtor or no address). Replies go
    /// to <paramref name="replyAddress"/> (the case address the debtor wrote to), else to the case's reply address.
    /// </summary>
    public Task<bool> SendAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken, LetterContent? content = null) =>
        SendAsync(found, template, key, _ => extra, cancellationToken, replyAddress is null ? content : (content ?? new LetterContent()) with { ReplyAddress = replyAddress });

    public async Task<bool> SendAsync(CaseView found, string template, string key, Func<string, IReadOnlyDictionary<string, string>> extra, CancellationToken cancellationToken, LetterContent? content = null, IReadOnlyList<EmailAttachment>? attachments = null) =>
        await messenger.SendAsync(found, template, key + ":" + template, extra, Actors.Rule, cancellationToken, attachments, content: content) is not null;
}
