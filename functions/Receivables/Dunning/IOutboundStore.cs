namespace Receivables.Dunning;

/// <summary>The Outbound table: one row per decided message, guarded by ETags (intended → sent → archived).</summary>
public interface IOutboundStore
{
    Task<OutboundRecord?> GetAsync(string creditorId, string key, CancellationToken cancellationToken = default);

    /// <summary>Records the intent (or takes over an intent whose claim ran out, or that an earlier delivery of the same queue message (<paramref name="holder"/>) left after a crash). Throws <see cref="OutboundBusyException"/> while another delivery holds it.</summary>
    Task<OutboundRecord> ClaimAsync(string creditorId, string key, string debtorId, string holder, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken = default);

    Task<OutboundRecord> MarkSentAsync(OutboundRecord record, string messageId, string provider, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    Task<OutboundRecord> MarkAsync(OutboundRecord record, string state, CancellationToken cancellationToken = default);

    Task<(string CreditorId, string DebtorId, string Key)?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken = default);
}
