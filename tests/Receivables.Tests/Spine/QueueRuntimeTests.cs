using Microsoft.Extensions.DependencyInjection;
using Receivables.Hosting;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Spine;

public sealed class QueueRuntimeTests
{
    private sealed class AlwaysFails : IQueueHandler
    {
        public int Calls;

        public string Queue => StorageNames.Queues.ProcessReply;

        public Task HandleAsync(string body, QueueDelivery delivery, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("handler broke on " + body);
        }
    }

    private sealed class Succeeds : IQueueHandler
    {
        public readonly List<long> DequeueCounts = [];

        public string Queue => StorageNames.Queues.CreditHold;

        public Task HandleAsync(string body, QueueDelivery delivery, CancellationToken cancellationToken)
        {
            DequeueCounts.Add(delivery.DequeueCount);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_message_that_fails_five_times_lands_in_the_poison_queue_and_leaves_the_queue()
    {
        var failing = new AlwaysFails();
        await using var host = await TestHost.StartHostAsync(services: s => s.AddSingleton<IQueueHandler>(failing));
        var storage = host.Get<StorageClients>();
        await host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.ProcessReply, new { reply = "r-1" });

        var consumers = host.Get<QueueConsumers>();
        var processed = await consumers.DrainAllAsync(CancellationToken.None);

        failing.Calls.ShouldBe(StorageNames.Queues.MaxDequeueCount);
        processed.ShouldBe(StorageNames.Queues.MaxDequeueCount);
        var poison = await storage.Queue(StorageNames.Queues.Poison(StorageNames.Queues.ProcessReply)).ReceiveMessagesAsync(10);
        poison.Value.Length.ShouldBe(1);
        poison.Value[0].Body.ToString().ShouldContain("r-1");
        (await storage.Queue(StorageNames.Queues.ProcessReply).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_that_succeeds_is_handled_once_and_deleted()
    {
        var handler = new Succeeds();
        await using var host = await TestHost.StartHostAsync(services: s => s.AddSingleton<IQueueHandler>(handler));
        await host.Get<IMessageQueue>().SendAsync(StorageNames.Queues.CreditHold, new { debtor = "d-1" });

        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);
        await host.Get<QueueConsumers>().DrainAllAsync(CancellationToken.None);

        handler.DequeueCounts.ShouldBe([1L]);
        (await host.Get<StorageClients>().Queue(StorageNames.Queues.CreditHold).PeekMessagesAsync(10)).Value.ShouldBeEmpty();
    }
}
