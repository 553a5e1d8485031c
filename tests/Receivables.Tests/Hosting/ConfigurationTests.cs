using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Hosting;

public sealed class ConfigurationTests
{
    private static Dictionary<string, string?> Valid() => new(TestSettings.Defaults)
    {
        [StorageNames.Connection] = "UseDevelopmentStorage=true",
    };

    [Fact]
    public async Task A_missing_storage_connection_stops_start_up_naming_the_setting()
    {
        var settings = Valid();
        settings.Remove(StorageNames.Connection);
        using var host = SettingsHost.Build(settings);

        var error = await Should.ThrowAsync<ReceivablesException>(() => host.StartAsync());

        error.Message.ShouldContain("ReceivablesStorage");
    }

    [Fact]
    public async Task A_malformed_schedule_stops_start_up_naming_the_setting()
    {
        var settings = Valid();
        settings["DunningSchedule"] = "0 6 * * *"; // five fields: NCRONTAB needs six
        using var host = SettingsHost.Build(settings);

        var error = await Should.ThrowAsync<ReceivablesException>(() => host.StartAsync());

        error.Message.ShouldContain("DunningSchedule");
    }

    [Fact]
    public async Task A_creditor_without_an_email_stops_start_up_naming_the_setting()
    {
        var settings = Valid();
        settings.Remove("Receivables:Creditors:acme:Email");
        using var host = SettingsHost.Build(settings);

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Creditors:acme:Email");
    }
}
