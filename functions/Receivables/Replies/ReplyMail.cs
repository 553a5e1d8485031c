using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Messaging;

namespace Receivables.Replies;

/// <summary>
/// The replies feature's messages (acknowledgement, invoice copy, still open), written through the
/// <see cref="CaseMessenger"/> under the reply's key and the template.
/// </summary>
public sealed class ReplyMail(CaseMessenger messenger)
{
    /// <summary>
    /// Returns false when there is nothing to say it with (no ledger entry for the debtor or no address). Replies go
    /// to <paramref name="replyAddress"/> (the case address the debtor wrote to), else to the case's reply address.
    /// </summary>
    public async Task<bool> SendAsync(CaseView found, string template, string? replyAddress, string key, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken) =>
        await messenger.SendAsync(found, template, key + ":" + template, _ => extra, Actors.Rule, cancellationToken, replyAddress: replyAddress) is not null;
}
