using Microsoft.Extensions.DependencyInjection;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;

namespace Receivables.Replies;

/// <summary>
/// Sends the replies feature's answers (acknowledgements, invoice copy, the outcome of an "already paid" check) with the
/// facts of the latest ledger, once per idempotency key, archived, and threaded to the debtor's message
/// (<see cref="LetterContent.Thread"/>): through the one case letter path (<see cref="CaseMail"/>).
/// </summary>
internal sealed class ReplyMail(IServiceProvider services)
{
    /// <summary>Returns false when there is nothing to say it with (no ledger entry for the debtor or no address).</summary>
    public Task<bool> SendAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken, LetterContent? content = null) =>
        SendAsync(found, template, key, _ => extra, cancellationToken, replyAddress is null ? content : (content ?? new LetterContent()) with { ReplyAddress = replyAddress });

    public async Task<bool> SendAsync(CaseView found, string template, string key, Func<string, IReadOnlyDictionary<string, string>> extra, CancellationToken cancellationToken, LetterContent? content = null)
    {
        // Until the contact, ledger and email features are registered there is nothing to send with.
        if (services.GetService<CaseMail>() is not { } mail)
        {
            return false;
        }

        var sent = await mail.SendAsync(found, template, key + ":" + template, extra, Actors.Rule, cancellationToken, content: content);
        return sent is not null;
    }
}
