namespace Receivables.Email;

/// <summary>A rendered message: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);
