using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Evidence;

public sealed class EvidenceSettingsTests
{
    [Fact]
    public async Task A_retention_of_zero_years_stops_start_up_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestSettings.Defaults)
        {
            [StorageNames.Connection] = "UseDevelopmentStorage=true",
            ["Receivables:Evidence:RetentionYears"] = "0",
        });
        builder.Services.AddReceivables(builder.Configuration);
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Evidence:RetentionYears");
    }
}
