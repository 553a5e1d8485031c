namespace Receivables.Email;

/// <summary>Settings of <c>Receivables:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Receivables:Email";

    public EmailMode Mode { get; init; } = EmailMode.Auto;

    /// <summary>
    /// Folder for the outbox's .eml files (the local host sets <c>.receivables/outbox</c>). Empty: the <c>outbox</c>
    /// blob container.
    /// </summary>
    public string? OutboxPath { get; init; }
}
