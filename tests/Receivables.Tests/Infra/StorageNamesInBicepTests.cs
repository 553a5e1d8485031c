using Receivables.Storage;

namespace Receivables.Tests.Infra;

/// <summary>The storage the Bicep creates is the storage the code uses (StorageNames is the one place naming it).</summary>
public sealed class StorageNamesInBicepTests
{
    private static readonly string Storage = BicepTemplate.Read("app/storage.bicep");

    [Fact]
    public void Bicep_creates_every_container_the_app_uses()
    {
        var missing = StorageNames.Containers.All.Where(name => !Storage.Contains($"'{name}'", StringComparison.Ordinal)).ToList();
        missing.ShouldBeEmpty("containers missing in infra/app/storage.bicep: " + string.Join(", ", missing));
    }

    [Fact]
    public void Bicep_creates_every_queue_and_its_poison_queue()
    {
        var missing = StorageNames.Queues.All.Where(name => !Storage.Contains($"'{name}'", StringComparison.Ordinal)).ToList();
        missing.ShouldBeEmpty("queues missing in infra/app/storage.bicep: " + string.Join(", ", missing));
        StorageNames.Queues.Poison("x").ShouldBe("x-poison");
        Storage.ShouldContain("map(queues, q => '${q}-poison')");
    }

    [Fact]
    public void Bicep_creates_every_table_the_app_uses()
    {
        var missing = StorageNames.Tables.All.Where(name => !Storage.Contains($"'{name}'", StringComparison.Ordinal)).ToList();
        missing.ShouldBeEmpty("tables missing in infra/app/storage.bicep: " + string.Join(", ", missing));
    }

    [Fact]
    public void Evidence_container_is_worm_at_version_level_with_retention_from_the_evidence_setting()
    {
        Storage.ShouldContain($"name: '{StorageNames.Containers.Evidence}'");
        Storage.ShouldContain("immutableStorageWithVersioning: { enabled: true }");
        Storage.ShouldContain("isVersioningEnabled: true");
        Storage.ShouldContain("immutabilityPeriodSinceCreationInDays: evidenceRetentionDays");
        BicepTemplate.Main.ShouldContain("var evidenceRetentionDays = (evidenceRetentionYears + 1) * 366");
        BicepTemplate.Main.ShouldContain("Receivables__Evidence__RetentionYears: string(evidenceRetentionYears)");
    }

    [Fact]
    public void Ledger_uploads_reach_the_ledger_queue_through_event_grid()
    {
        var eventGrid = BicepTemplate.Read("app/eventgrid.bicep");
        eventGrid.ShouldContain($"subjectBeginsWith: '/blobServices/default/containers/{StorageNames.Containers.Ledger}/'");
        eventGrid.ShouldContain("'Microsoft.Storage.BlobCreated'");
        eventGrid.ShouldContain("endpointType: 'StorageQueue'");
        Storage.ShouldContain($"output ledgerQueueName string = '{StorageNames.Queues.LedgerUploaded}'");
    }
}
