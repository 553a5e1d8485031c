namespace Receivables.Email;

public interface IEmailSender
{
    Task<SentEmail> SendAsync(OutboundEmail email, CancellationToken cancellationToken = default);

    /// <summary>Whether this message was already handed to the provider (outbox file exists / provider accepted it).</summary>
    Task<SentEmail?> FindSentAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}
