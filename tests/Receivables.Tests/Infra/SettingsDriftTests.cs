using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Receivables.Storage;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Infra;

/// <summary>
/// The Function App's settings in infra/main.bicep (<c>var appSettings</c>) and local.settings.sample.json "Values"
/// name the same settings, except the few that differ by nature between Azure and a local machine.
/// </summary>
public sealed class SettingsDriftTests
{
    /// <summary>The creditor id the sample configures; the Bicep writes it as <c>${creditorId}</c>.</summary>
    private const string SampleCreditorId = "demo";

    /// <summary>Local-only: connection strings (Azure uses the identity-based forms below) and the worker runtime,
    /// which Flex Consumption sets in functionAppConfig.runtime, not as an app setting.</summary>
    private static readonly HashSet<string> OnlyInSample = ["AzureWebJobsStorage", StorageNames.Connection, "FUNCTIONS_WORKER_RUNTIME"];

    /// <summary>Azure-only: identity-based connections, Application Insights with Entra auth, the identity's client id.</summary>
    private static readonly string[] OnlyInAzurePrefixes = ["AzureWebJobsStorage__", StorageNames.Connection + "__", "APPLICATIONINSIGHTS_"];

    private static readonly HashSet<string> OnlyInAzure = ["AZURE_CLIENT_ID"];

    /// <summary>
    /// Settings the Bicep sets ahead of local.settings.sample.json on main: features still on their branches add them
    /// to the sample. Remove a key here once the sample has it (the test then checks it like any other).
    /// </summary>
    private static readonly HashSet<string> AheadOfSample =
    [
        "Receivables__Email__SendGrid__ApiKey",
        "Receivables__Replies__Secret",
        "Receivables__OpenAI__Endpoint",
        "Receivables__OpenAI__Deployment",
    ];

    [Fact]
    public void Function_app_settings_in_bicep_match_local_settings_sample_one_to_one()
    {
        var sample = SampleKeys();
        var azure = BicepKeys().ToHashSet(StringComparer.Ordinal);

        var missingInBicep = sample.Where(key => !azure.Contains(key) && !OnlyInSample.Contains(key)).Order().ToList();
        var extraInBicep = azure
            .Where(key => !sample.Contains(key) && !OnlyInAzure.Contains(key) && !AheadOfSample.Contains(key)
                && !OnlyInAzurePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            .Order().ToList();

        var problems = new List<string>();
        if (missingInBicep.Count > 0)
        {
            problems.Add("In local.settings.sample.json but not in infra/main.bicep 'var appSettings' (add one line each): "
                + string.Join(", ", missingInBicep));
        }

        if (extraInBicep.Count > 0)
        {
            problems.Add("In infra/main.bicep 'var appSettings' but not in local.settings.sample.json (add them to the sample or remove them): "
                + string.Join(", ", extraInBicep));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Bicep_connects_to_storage_with_the_managed_identity_the_way_the_library_reads_it()
    {
        var keys = BicepKeys();
        foreach (var connection in new[] { "AzureWebJobsStorage", StorageNames.Connection })
        {
            keys.ShouldNotContain(connection, $"'{connection}' must not be a connection string in Azure (shared keys are off)");
            foreach (var part in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId" })
            {
                keys.ShouldContain($"{connection}__{part}");
            }
        }

        // The library builds its clients from exactly these keys (values as Azure would set them).
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Where(key => key.StartsWith(StorageNames.Connection + "__", StringComparison.Ordinal))
                .Select(key => KeyValuePair.Create<string, string?>(key.Replace("__", ":", StringComparison.Ordinal), key switch
                {
                    _ when key.EndsWith("blobServiceUri", StringComparison.Ordinal) => "https://streceivables.blob.core.windows.net/",
                    _ when key.EndsWith("queueServiceUri", StringComparison.Ordinal) => "https://streceivables.queue.core.windows.net/",
                    _ when key.EndsWith("tableServiceUri", StringComparison.Ordinal) => "https://streceivables.table.core.windows.net/",
                    _ when key.EndsWith("credential", StringComparison.Ordinal) => "managedidentity",
                    _ => "00000000-0000-0000-0000-000000000001",
                })))
            .Build();
        var clients = StorageClients.FromConfiguration(configuration);
        clients.Blobs.AccountName.ShouldBe("streceivables");
        clients.Queues.Uri.Host.ShouldBe("streceivables.queue.core.windows.net");
        clients.Tables.AccountName.ShouldBe("streceivables");
    }

    [Fact]
    public void Secrets_are_key_vault_references_not_values()
    {
        var main = BicepTemplate.Main;
        main.ShouldContain("Receivables__Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridApiKeySecretUri})'");
        main.ShouldContain("Receivables__Replies__Secret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.inboundSecretUri})'");
        BicepTemplate.Read("app/processor.bicep").ShouldContain("keyVaultReferenceIdentity: identityId");
    }

    private static HashSet<string> SampleKeys()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static List<string> BicepKeys() =>
        BicepTemplate.ObjectKeys(BicepTemplate.Main, "appSettings")
            .Select(key => key.Replace("${creditorId}", SampleCreditorId, StringComparison.Ordinal))
            .ToList();
}
