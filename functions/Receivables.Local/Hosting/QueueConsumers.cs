using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Receivables.Dunning;
using Receivables.Ledger;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.Local.Hosting;

/// <summary>Runs one <see cref="QueueConsumer"/> per queue the product consumes, with the handlers the Functions triggers call.</summary>
public sealed class QueueConsumers(
    LedgerUploadedHandler ledgerUploaded,
    SendReminderHandler sendReminder,
    ReplyProcessor processReply,
    DunningShardHandler dunningShard,
    Receivables.Messaging.HeldRelease heldRelease,
    Payments.PaymentsUploadedHandler paymentsUploaded,
    StorageClients storage,
    LocalQueueOptions options,
    ILogger<QueueConsumer> logger) : BackgroundService
{
    public IReadOnlyList<QueueConsumer> All { get; } =
    [
        QueueConsumer.For(ledgerUploaded, storage, options, logger),
        QueueConsumer.For(sendReminder, storage, options, logger),
        QueueConsumer.For(processReply, storage, options, logger),
        QueueConsumer.For(paymentsUploaded, storage, options, logger),
        .. Enumerable.Range(0, Math.Max(1, options.ShardConsumers)).Select(_ => QueueConsumer.For(dunningShard, storage, new LocalQueueOptions
        {
            MaxPollingInterval = options.MaxPollingInterval,
            VisibilityTimeout = options.VisibilityTimeout,
            RetryDelay = options.RetryDelay,
            MaxDequeueCount = options.MaxDequeueCount,
            BatchSize = 1,
        }, logger)),
    ];

    /// <summary>Drains every queue until all are empty (the CLI and the demo run the work synchronously this way).</summary>
    public async Task<int> DrainAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int round;
        do
        {
            // Messages held for the contact hours whose window has opened (by the host's clock) go out first.
            round = await heldRelease.ReleaseAsync(cancellationToken);
            foreach (var consumer in All)
            {
                round += await consumer.DrainAsync(cancellationToken);
            }

            total += round;
        }
        while (round > 0);
        return total;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(All.Select(c => c.RunAsync(stoppingToken)).Append(ReleaseHeldAsync(stoppingToken)));

    /// <summary>The local stand-in of the <c>ReleaseHeld</c> timer function: once a minute.</summary>
    private async Task ReleaseHeldAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await heldRelease.ReleaseAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Releasing the messages held for the contact hours failed; trying again in a minute");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
