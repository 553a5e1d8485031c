using System.Text.Json;
using Receivables.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infra;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Functions;

/// <summary>
/// What the Functions host will read from the real build: the generated <c>functions.metadata</c> holds each
/// function's trigger, queue, connection, schedule, route and auth level, and they agree with StorageNames, the
/// library's handlers and the app settings the Bicep deploys.
/// </summary>
public sealed class FunctionMetadataTests
{
    // A function that hands its input to one handler compiles to a few dozen IL bytes.
    private const int OneLinerBodyBytes = 48;

    private static readonly IReadOnlyDictionary<string, JsonElement> Functions = FunctionsAppOutput.Functions();

    private static IEnumerable<(string Name, JsonElement Trigger)> Triggered(string type) =>
        Functions.Where(f => FunctionsAppOutput.TriggerType(f.Value) == type).Select(f => (f.Key, FunctionsAppOutput.Trigger(f.Value)));

    private static string Text(JsonElement binding, string property) => binding.GetProperty(property).GetString()!;

    [Fact]
    public void The_build_output_holds_what_the_Functions_host_loads()
    {
        foreach (var file in new[] { "functions.metadata", "worker.config.json", "extensions.json", "host.json", "Receivables.Functions.dll" })
        {
            File.Exists(FunctionsAppOutput.File(file)).ShouldBeTrue($"{file} is not in {FunctionsAppOutput.Folder}");
        }

        using var extensions = JsonDocument.Parse(File.ReadAllText(FunctionsAppOutput.File("extensions.json")));
        extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString())
            .ShouldContain("AzureStorageQueues", "the host needs the storage queues extension for the queue triggers");
        Functions.Keys.Order(StringComparer.Ordinal)
            .ShouldBe(["DebtorPageAnswer", "DebtorPageAsset", "DebtorPageView", "DunningShard", "DunningTimer", "EmailEvents", "InboundEmail", "LedgerUploaded", "PaymentsUploaded", "ProcessReply", "ReleaseHeld", "SendReminder"]);
    }

    [Fact]
    public void Every_function_is_a_sealed_one_line_class_named_after_itself_with_one_trigger()
    {
        foreach (var (name, function) in Functions)
        {
            var type = FunctionsAppOutput.FunctionClass(function);
            type.Name.ShouldBe(name);
            type.IsSealed.ShouldBeTrue($"{name} is not sealed");
            var run = type.GetMethod("Run").ShouldNotBeNull($"{name} has no Run method");
            run.GetMethodBody()!.GetILAsByteArray()!.Length.ShouldBeLessThanOrEqualTo(OneLinerBodyBytes, $"{name} does more than hand its input to a handler");
            function.GetProperty("language").GetString().ShouldBe("dotnet-isolated");
            function.GetProperty("bindings").EnumerateArray().Count(b => Text(b, "type").EndsWith("Trigger", StringComparison.Ordinal)).ShouldBe(1, $"{name} must have exactly one trigger");
        }
    }

    [Fact]
    public void Every_queue_the_library_handles_has_one_queue_function_on_the_app_storage_connection_that_Bicep_configures()
    {
        var triggers = Triggered("queueTrigger").ToList();
        var queues = triggers.Select(t => Text(t.Trigger, "queueName")).ToList();

        queues.ShouldBeUnique();
        queues.ShouldAllBe(q => StorageNames.Queues.All.Contains(q));
        // Each queue the library consumes has exactly one queue function (credit-hold is the ERP's).
        queues.Order(StringComparer.Ordinal).ToList().ShouldBe([StorageNames.Queues.DunningShard, StorageNames.Queues.LedgerUploaded, StorageNames.Queues.PaymentsUploaded, StorageNames.Queues.ProcessReply, StorageNames.Queues.SendReminder]);
        foreach (var (name, trigger) in triggers)
        {
            Text(trigger, "connection").ShouldBe(StorageNames.Connection, $"{name} listens on another storage account");
            Text(trigger, "direction").ShouldBe("In");
        }

        // In Azure the connection is identity-based: the queue service URI, the managed identity and its client id.
        var appSettings = BicepTemplate.ObjectKeys(BicepTemplate.Main, "appSettings");
        foreach (var suffix in new[] { "__queueServiceUri", "__credential", "__clientId" })
        {
            appSettings.ShouldContain(StorageNames.Connection + suffix, $"infra/main.bicep does not set {StorageNames.Connection}{suffix} for the queue triggers");
        }
    }

    [Fact]
    public void The_dunning_timer_runs_on_the_DunningSchedule_app_setting_that_Bicep_and_the_sample_set()
    {
        var timers = Triggered("timerTrigger").ToList();
        timers.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(["DunningTimer", "ReleaseHeld"]);
        var (_, trigger) = timers.Single(t => t.Name == "DunningTimer");

        // The contact hours' release runs every five minutes whatever the cycle's schedule.
        Text(timers.Single(t => t.Name == "ReleaseHeld").Trigger, "schedule").ShouldBe("0 */5 * * * *");
        Text(trigger, "schedule").ShouldBe("%" + Schedules.DunningSetting + "%");
        BicepTemplate.ObjectKeys(BicepTemplate.Main, "appSettings").ShouldContain(Schedules.DunningSetting);
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "local.settings.sample.json")));
        sample.RootElement.GetProperty("Values").TryGetProperty(Schedules.DunningSetting, out _).ShouldBeTrue();
    }

    [Fact]
    public void The_webhooks_are_anonymous_posts_on_the_same_routes_as_the_local_host()
    {
        var routes = Triggered("httpTrigger")
            .Select(t => (t.Name, Route: Text(t.Trigger, "route"), Auth: Text(t.Trigger, "authLevel"), Methods: string.Join(",", t.Trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()))))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        // The library authenticates both (route secret / signature), so the host must not demand a function key.
        // The local host maps the same paths (LocalServe.MapLocalEndpoints); SendGrid is configured with these URLs.
        // The debtor's page: anonymous too (the signed token and per-form HMAC authenticate), the same routes as DebtorPageEndpoints.
        routes.ShouldBe([
            ("DebtorPageAnswer", "debtor/{token}/{action}", "Anonymous", "post"),
            ("DebtorPageAsset", "debtor-assets/{name}", "Anonymous", "get"),
            ("DebtorPageView", "debtor/{token}/{*resource}", "Anonymous", "get"),
            ("EmailEvents", "email-events", "Anonymous", "post"),
            ("InboundEmail", "inbound/{secret?}", "Anonymous", "post"),
        ]);
    }
}
