namespace Receivables.Email;

/// <summary>Renders a document with the user's template if one is uploaded, else the shipped default.</summary>
public interface IMessageRenderer
{
    Task<RenderedMessage> RenderAsync(ReminderDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every <c>{% capture name %}</c> of the document's template as plain text (no layout): for wording that is not an
    /// email body, such as a plan's terms or the printed agreement's clauses.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> RenderPartsAsync(ReminderDocument document, CancellationToken cancellationToken = default);
}
