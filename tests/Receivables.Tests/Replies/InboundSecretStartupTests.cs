using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Local.Hosting;
using Receivables.Tests.Functions;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Replies;

/// <summary>
/// The inbound endpoint's route secret is the only thing between the internet and the case actions: neither host
/// starts with a secret anyone could know (a sample's placeholder, or fewer than 32 characters), and the sample as it
/// ships opens nothing.
/// </summary>
public sealed class InboundSecretStartupTests
{
    private const string EarlierSamplesSecret = "change-me-long-random-path-secret";

    [Theory]
    [InlineData(EarlierSamplesSecret, "placeholder")]
    [InlineData("0123456789abcdef0123456789abcde", "31 characters")]
    public async Task The_Functions_app_refuses_to_start_with_a_sample_or_short_secret_naming_the_setting(string secret, string why)
    {
        using var host = await FunctionsWorker.BuildAsync(new Dictionary<string, string?> { ["Receivables:Replies:Secret"] = secret });

        // What the host runs when it starts: every options class registered with ValidateOnStart.
        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain("Receivables:Replies:Secret");
        error.Message.ShouldContain(why);
        error.Message.ShouldContain("openssl rand -hex 32");
    }

    [Fact]
    public async Task The_Functions_app_starts_with_a_long_random_secret_or_none()
    {
        using var withSecret = await FunctionsWorker.BuildAsync(new Dictionary<string, string?> { ["Receivables:Replies:Secret"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) });
        using var withoutSecret = await FunctionsWorker.BuildAsync();

        withSecret.Services.GetRequiredService<IStartupValidator>().Validate();
        withoutSecret.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task Serve_refuses_to_start_with_the_earlier_samples_secret_naming_the_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Receivables:Replies:Secret"] = EarlierSamplesSecret,
            ["Receivables:Local:HttpPort"] = Workspace.Browser.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var error = await Should.ThrowAsync<OptionsValidationException>(() => TestHost.StartHostAsync(settings, serve: true));

        error.Message.ShouldContain("Receivables:Replies:Secret (Receivables__Replies__Secret)");
    }

    [Fact]
    public async Task Local_commands_refuse_to_start_with_a_short_secret()
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(() => TestHost.StartHostAsync(new Dictionary<string, string?> { ["Receivables:Replies:Secret"] = "short" }));

        error.Message.ShouldContain("Receivables:Replies:Secret");
        error.Message.ShouldContain("5 characters");
    }

    [Fact]
    public async Task Serve_with_the_sample_settings_as_shipped_refuses_a_post_to_the_earlier_samples_secret()
    {
        var shipped = LocalHost.LocalSettingsFile(RepoFiles.Root)
            .Where(kv => kv.Key.StartsWith("Receivables:Replies:", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        shipped.ShouldContainKey("Receivables:Replies:Secret");
        await using var host = await TestHost.StartHostAsync(shipped);

        var response = await host.Get<IInboundEmailWebhook>().HandleAsync(
            InboundPosts.Request(InboundPosts.Sample("sendgrid-python_inbound_default_data.txt"), EarlierSamplesSecret));

        response.StatusCode.ShouldBe(401, "the sample must not ship a secret that opens the endpoint");
    }
}
