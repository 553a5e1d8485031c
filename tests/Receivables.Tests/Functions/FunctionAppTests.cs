using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Receivables.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Functions;

/// <summary>
/// Guards drift between the library and the Functions app: the app (built offline against the compile-only SDK
/// surface) is read as metadata and compared with what AddReceivables registers and with StorageNames.
/// </summary>
public sealed class FunctionAppTests
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker.";

    // A one-line function that hands its input to a handler compiles to a few dozen IL bytes.
    private const int OneLinerBodyBytes = 48;

    private static readonly IReadOnlyList<FunctionEntry> Functions = FunctionAppMetadata.Read();

    private static IReadOnlyList<string> HandledQueues()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestSettings.Defaults)
        {
            [StorageNames.Connection] = "UseDevelopmentStorage=true",
        });
        builder.Services.AddReceivables(builder.Configuration);
        using var host = builder.Build();
        return host.Services.QueueHandlers().Keys.Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<FunctionEntry> WithTrigger(string attribute) =>
        Functions.Where(f => f.Trigger?.Attribute == WorkerNamespace + attribute);

    [Fact]
    public void Every_function_is_a_public_sealed_one_line_class_named_after_itself()
    {
        Functions.ShouldNotBeEmpty();
        Functions.ShouldAllBe(f => f.ClassIsSealed && f.ClassIsPublic && f.FunctionsInClass == 1 && f.Name == f.ClassName);
        foreach (var function in Functions)
        {
            function.Trigger.ShouldNotBeNull($"{function.Name} has no trigger binding");
            function.BodyBytes.ShouldBeLessThanOrEqualTo(OneLinerBodyBytes, $"{function.Name} does more than hand its input to a handler");
        }
    }

    [Fact]
    public void Every_queue_the_library_handles_has_a_queue_trigger_on_the_app_storage_connection()
    {
        var triggers = WithTrigger("QueueTriggerAttribute").ToList();
        var triggered = triggers.Select(f => (string)f.Trigger!.Arguments[0]!).ToList();

        foreach (var queue in HandledQueues())
        {
            triggered.ShouldContain(queue, $"the library handles queue '{queue}' but the Functions app has no [QueueTrigger] for it");
        }

        triggered.ShouldBeUnique();
        triggered.ShouldAllBe(q => StorageNames.Queues.All.Contains(q));
        triggers.ShouldAllBe(f => f.Trigger!.Named.ContainsKey("Connection") && (string?)f.Trigger.Named["Connection"] == StorageNames.Connection);
    }

    [Fact]
    public void The_dunning_timer_reads_its_schedule_from_the_app_setting_the_library_validates()
    {
        var timer = WithTrigger("TimerTriggerAttribute").ShouldHaveSingleItem();

        timer.Trigger!.Arguments.ShouldBe(["%" + Schedules.DunningSetting + "%"]);
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "local.settings.sample.json")));
        sample.RootElement.GetProperty("Values").TryGetProperty(Schedules.DunningSetting, out _)
            .ShouldBeTrue($"local.settings.sample.json has no '{Schedules.DunningSetting}' setting for the timer");
    }

    [Fact]
    public void The_webhooks_are_posted_to_the_same_routes_as_on_the_local_host()
    {
        var routes = WithTrigger("HttpTriggerAttribute")
            .Select(f => (Route: (string?)f.Trigger!.Named["Route"], Methods: string.Join(",", (List<object?>)f.Trigger.Arguments[1]!)))
            .OrderBy(r => r.Route, StringComparer.Ordinal)
            .ToList();

        // The local host maps /api/email-events and /api/inbound/{secret?} (LocalServe.MapLocalEndpoints); SendGrid is configured with these URLs.
        // The debtor's page: the same routes as DebtorPageEndpoints on the local host.
        routes.ShouldBe([
            ("debtor-assets/{name}", "get"),
            ("debtor/{token}/{*resource}", "get"),
            ("debtor/{token}/{action}", "post"),
            ("email-events", "post"),
            ("inbound/{secret?}", "post"),
        ]);
    }
}
