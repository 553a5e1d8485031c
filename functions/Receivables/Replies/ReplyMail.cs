using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Messaging;

namespace Receivables.Replies;

/// <summary>
/// The replies feature's messages (acknowledgements, promise confirmation, invoice copy, the outcome of an "already paid"
/// check), written through the <see cref="CaseMessenger"/> under the reply's key and the template, and threaded to the
/// debtor's message (<see cref="LetterContent.Thread"/>).
/// </summary>
public sealed class ReplyMail(CaseMessenger messenger)
{
    /// <summary>
    /// Returns false when there is nothing to say it with (no ledger entry for the debtor or no address). Replies go
    /// to <paramref name="replyAddress"/> (the case address the debtor wrote to), else to the case's reply address.
    /// </summary>
    public Task<bool> SendAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken, LetterContent? content = null) =>
        SendAsync(found, template, key, _ => extra, cancellationToken, replyAddress is null ? content : (content ?? new LetterContent()) with { ReplyAddress = replyAddress });

    public async Task<bool> SendAsync(CaseView found, string template, string key, Func<string, IReadOnlyDictionary<string, string>> extra, CancellationToken cancellationToken, LetterContent? content = null) =>
        await messenger.SendAsync(found, template, key + ":" + template, extra, Actors.Rule, cancellationToken, content: content) is not null;
}
