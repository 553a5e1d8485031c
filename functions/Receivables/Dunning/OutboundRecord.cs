namespace Receivables.Dunning;

public sealed record OutboundRecord(
    string CreditorId,
    string Key,
    string DebtorId,
    string State,
    DateTimeOffset? ClaimedUntil,
    string? MessageId,
    string? Provider,
    string Version);
