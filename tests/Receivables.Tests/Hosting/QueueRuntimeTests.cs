using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Receivables.Hosting;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Hosting;

public sealed class QueueRuntimeTests
{
    private static QueueConsumer Consumer(Local.Hosting.LocalHost host, string queue, Func<QueueMessage, CancellationToken, Task> handle) =>
        new(queue, handle, host.Get<StorageClients>(), host.Get<LocalQueueOptions>(), NullLogger<QueueConsumer>.Instance);

    [Fact]
    public async Task A_message_that_fails_five_times_lands_in_the_poison_queue_and_leaves_the_queue()
    {
        await using var host = await TestHost.StartHostAsync();
        var storage = host.Get<StorageClients>();
        await host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.CreditHold, new { reply = "r-1" });
        var calls = 0;
        var consumer = Consumer(host, StorageNames.Queues.CreditHold, (message, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("handler broke on " + message.Body);
        });

        var processed = await consumer.DrainAsync(CancellationToken.None);

        calls.ShouldBe(StorageNames.Queues.MaxDequeueCount);
        processed.ShouldBe(StorageNames.Queues.MaxDequeueCount);
        var poison = await storage.Queue(StorageNames.Queues.Poison(StorageNames.Queues.CreditHold)).ReceiveMessagesAsync(10);
        poison.Value.Length.ShouldBe(1);
        poison.Value[0].Body.ToString().ShouldContain("r-1");
        (await storage.Queue(StorageNames.Queues.CreditHold).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_that_succeeds_is_handled_once_and_deleted()
    {
        await using var host = await TestHost.StartHostAsync();
        await host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.CreditHold, new { debtor = "d-1" });
        var dequeueCounts = new List<long>();
        var consumer = Consumer(host, StorageNames.Queues.CreditHold, (message, _) =>
        {
            dequeueCounts.Add(message.DequeueCount);
            return Task.CompletedTask;
        });

        await consumer.DrainAsync(CancellationToken.None);
        await consumer.DrainAsync(CancellationToken.None);

        dequeueCounts.ShouldBe([1L]);
        (await host.Get<StorageClients>().Queue(StorageNames.Queues.CreditHold).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_local_host_consumes_exactly_the_queues_the_Functions_app_has_triggers_for()
    {
        await using var host = await TestHost.StartHostAsync();

        host.Get<QueueConsumers>().All.Select(c => c.Queue).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe([StorageNames.Queues.DunningShard, StorageNames.Queues.LedgerUploaded, StorageNames.Queues.PaymentsUploaded, StorageNames.Queues.ProcessReply, StorageNames.Queues.SendReminder]);
    }
}
