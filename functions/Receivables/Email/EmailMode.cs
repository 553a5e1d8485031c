namespace Receivables.Email;

public enum EmailMode
{
    /// <summary>SendGrid when <c>Receivables:Email:SendGrid:ApiKey</c> is set, else the outbox.</summary>
    Auto,
    Outbox,
    SendGrid,
}
