using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Hosting;
using Receivables.Local.Hosting;
using Receivables.Plans;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;
using Shouldly;

namespace Receivables.Tests.Plans;

public sealed class PlanSettingsTests
{
    [Fact]
    public void The_sample_settings_bind_to_the_plan_policy()
    {
        var sample = LocalHost.LocalSettingsFile(RepoFiles.Root)
            .Where(kv => kv.Key.StartsWith("Receivables:Plans", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        sample["Receivables:Plans:Frequency"] = "Fortnightly";
        sample["Receivables:Plans:MinInstallment"] = "750";
        using var host = SettingsHost.WithDefaults(sample);

        var policy = host.Services.GetRequiredService<IOptions<PlanPolicy>>().Value;

        sample.Count.ShouldBeGreaterThan(5);
        policy.Frequency.ShouldBe(PlanFrequency.Fortnightly);
        policy.MinInstallment.ShouldBe(750m);
        policy.MaxDurationMonths.ShouldBe(12);
    }

    [Fact]
    public async Task A_plan_longer_than_five_years_stops_start_up_naming_the_setting()
    {
        using var host = SettingsHost.WithDefaults(new Dictionary<string, string?> { ["Receivables:Plans:MaxDurationMonths"] = "120" });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Plans:MaxDurationMonths");
    }
}
