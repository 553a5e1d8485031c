using Microsoft.Azure.Functions.Worker;
using Receivables.Messaging;

namespace Receivables.Functions.Triggers;

/// <summary>Every five minutes: messages held for the contact hours go out once their window has opened.</summary>
public sealed class ReleaseHeld(HeldRelease release)
{
    [Function(nameof(ReleaseHeld))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        release.ReleaseAsync(cancellationToken);
}
