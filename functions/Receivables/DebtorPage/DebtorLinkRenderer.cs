using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Email;

namespace Receivables.DebtorPage;

/// <summary>
/// Puts a link to the debtor's page in every letter that asks for money or an answer: before the letter is rendered, a
/// link is issued for the case (per debtor and case, expiring, revocable) and handed to the layouts as
/// <c>extra.PageLink</c> and <c>extra.PageLinkExpires</c>. Other messages, and letters for which no case exists, are
/// rendered unchanged. A previewed letter (<see cref="ReminderDocument.Preview"/>) shows a placeholder link: a draft
/// looked at in the workspace issues nothing.
/// </summary>
public sealed class DebtorLinkRenderer(IMessageRenderer inner, DebtorLinks links, ICaseStore cases, Common.BusinessClock clock, ILogger<DebtorLinkRenderer> logger) : IMessageRenderer
{
    public const string PageLink = "PageLink";
    public const string PageLinkExpires = "PageLinkExpires";

    /// <summary>The letters that ask the debtor for money or an answer.</summary>
    public static readonly IReadOnlySet<string> LinkedTemplates = new HashSet<string>(StringComparer.Ordinal)
    {
        MessageTemplates.Friendly,
        MessageTemplates.Reminder,
        MessageTemplates.CollectionNotice,
        MessageTemplates.StillOpen,
        MessageTemplates.InvoiceCopy,
        MessageTemplates.PlanProposal,
        MessageTemplates.PlanMissed,
        MessageTemplates.CallConfirmation,
        MessageTemplates.PromiseConfirmation,
        MessageTemplates.PromiseBroken,
        MessageTemplates.DisputeAcknowledgement,
        MessageTemplates.DisputeOutcome,
    };

    /// <summary>Parts of a document (a plan's terms) carry no link: they are rendered by the inner renderer as they are.</summary>
    public Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default) =>
        inner.RenderPartsAsync(document, cancellationToken);

    public async Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default)
    {
        if (!links.Enabled || !LinkedTemplates.Contains(document.Template) || document.Extra?.ContainsKey(PageLink) == true)
        {
            return await inner.RenderAsync(document, cancellationToken);
        }

        var found = await cases.GetAsync(document.CreditorId, document.DebtorId, cancellationToken);
        if (found is null || found.CaseId != document.CaseId)
        {
            logger.LogDebug("No case {CaseId} for {CreditorId}/{DebtorId}: {Template} goes without a page link", document.CaseId, document.CreditorId, document.DebtorId, document.Template);
            return await inner.RenderAsync(document, cancellationToken);
        }

        var link = document.Preview ? links.Placeholder() : await links.IssueAsync(document.CreditorId, document.DebtorId, document.CaseId, document.Template, cancellationToken);
        var extra = new Dictionary<string, string>(document.Extra ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [PageLink] = link.Url,
            [PageLinkExpires] = LetterFormat.Date(clock.ToLocalDate(link.ExpiresAt), document.Language is "en" ? "en" : "nb"),
        };
        return await inner.RenderAsync(document with { Extra = extra }, cancellationToken);
    }
}
