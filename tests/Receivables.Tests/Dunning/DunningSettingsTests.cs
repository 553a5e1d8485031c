using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Receivables.Dunning;
using Receivables.Hosting;
using Receivables.Local.Hosting;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Dunning;

public sealed class DunningSettingsTests
{
    [Fact]
    public void Without_settings_the_Norwegian_defaults_apply()
    {
        using var host = SettingsHost.WithDefaults(new Dictionary<string, string?>());

        var options = host.Services.GetRequiredService<IOptions<DunningOptions>>().Value;

        options.MaxLedgerAgeDays.ShouldBe(3);
        options.CollectionNotice.ShouldBe(CollectionNoticeMode.Send);
        options.Policies.Keys.ShouldBe(["b2b", "b2c"], ignoreOrder: true);
        options.Inkassosats.Select(r => r.Amount).ShouldBe([700m, 750m]);
        options.Rates.ShouldContain(r => r.From == new DateOnly(2026, 1, 1) && r.Rate == 12.00m && r.Compensation == 460m);
    }

    [Fact]
    public void The_sample_settings_file_binds_to_the_same_tables_as_the_defaults()
    {
        var sample = LocalHost.LocalSettingsFile(RepoFiles.Root)
            .Where(kv => kv.Key.StartsWith("Receivables:Dunning", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        using var host = SettingsHost.WithDefaults(sample);

        var options = host.Services.GetRequiredService<IOptions<DunningOptions>>().Value;

        sample.ShouldNotBeEmpty();
        options.Rates.Select(r => (r.From, r.Rate, r.Compensation)).ShouldBe(DunningDefaults.Rates().Select(r => (r.From, r.Rate, r.Compensation)));
        options.Inkassosats.Select(r => (r.From, r.Amount)).ShouldBe(DunningDefaults.Inkassosats().Select(r => (r.From, r.Amount)));
    }

    [Fact]
    public async Task A_collection_notice_giving_less_than_14_days_stops_start_up_naming_the_setting()
    {
        using var host = SettingsHost.WithDefaults(new Dictionary<string, string?>
        {
            ["Receivables:Dunning:Policies:strict:Levels:0:Stage"] = CaseStages.CollectionNotice,
            ["Receivables:Dunning:Policies:strict:Levels:0:Template"] = "collection-notice",
            ["Receivables:Dunning:Policies:strict:Levels:0:DaysAfterDue"] = "1",
            ["Receivables:Dunning:Policies:strict:Levels:0:DeadlineDays"] = "7",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Dunning:Policies:strict:Levels:0:DeadlineDays");
        error.Message.ShouldContain("§ 9");
    }

    [Fact]
    public async Task Scale_settings_out_of_range_stop_start_up_naming_each_setting()
    {
        using var host = SettingsHost.WithDefaults(new Dictionary<string, string?>
        {
            ["Receivables:Dunning:Scale:DebtorsPerPartition"] = "0",
            ["Receivables:Dunning:Scale:MaxShards"] = "512",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Dunning:Scale:DebtorsPerPartition must be at least 1; it is 0");
        error.Message.ShouldContain("Receivables:Dunning:Scale:MaxShards");
    }

    [Fact]
    public async Task A_debtor_override_naming_an_unknown_policy_stops_start_up()
    {
        using var host = SettingsHost.WithDefaults(new Dictionary<string, string?> { ["Receivables:Dunning:DebtorOverrides:acme:10001"] = "gentle" });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Receivables:Dunning:DebtorOverrides:acme:10001");
    }
}
