namespace Receivables.Messaging;

/// <summary>Where messages held for the contact hours wait (<see cref="Storage.BlobHeldMessageStore"/>).</summary>
public interface IHeldMessageStore
{
    /// <summary>Keeps the message until its <see cref="HeldMessage.Until"/>; holding the same key again keeps one.</summary>
    Task PutAsync(HeldMessage message, CancellationToken cancellationToken);

    /// <summary>The held messages whose time has come by <paramref name="now"/>, earliest first.</summary>
    IAsyncEnumerable<HeldMessage> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a message once it is sent (or handed to its queue).</summary>
    Task RemoveAsync(HeldMessage message, CancellationToken cancellationToken);

    /// <summary>How many messages are held (for the status).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
