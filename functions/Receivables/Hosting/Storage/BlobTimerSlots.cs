using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Receivables.Storage;

namespace Receivables.Hosting.Storage;

/// <summary>
/// Runs a scheduled job at most once per slot across hosts, the way the Functions runtime's singleton lock does: a
/// blob lease on <c>locks/&lt;job&gt;/&lt;slot&gt;</c> while running, then a "completed" marker on that blob.
/// </summary>
public sealed class BlobTimerSlots(StorageClients storage, ILogger<BlobTimerSlots> logger) : ITimerSlots
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="work"/> for the slot unless another host holds or has completed it. True when this call ran it.</summary>
    public async Task<bool> RunOnceAsync(string job, DateTimeOffset slot, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Locks).GetBlobClient($"{job}/{slot.UtcDateTime:yyyy-MM-ddTHH-mm-ssZ}");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Created by another host already: fine, the lease decides.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            logger.LogInformation("Slot {Slot} of {Job} is held by another host; skipping", slot, job);
            return false;
        }

        using var renew = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(lease, renew.Token);
        try
        {
            BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Metadata.ContainsKey("completed"))
            {
                logger.LogInformation("Slot {Slot} of {Job} already ran; skipping", slot, job);
                return false;
            }

            await work(cancellationToken);
            await blob.SetMetadataAsync(
                new Dictionary<string, string> { ["completed"] = DateTimeOffset.UtcNow.ToString("O") },
                new BlobRequestConditions { LeaseId = lease.LeaseId },
                cancellationToken);
            return true;
        }
        finally
        {
            await renew.CancelAsync();
            try
            {
                await renewing;
            }
            catch (OperationCanceledException)
            {
                // Expected.
            }

            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>The last slot before <paramref name="now"/> that completed, if any (the schedule monitor's memory).</summary>
    public async Task<DateTimeOffset?> LastCompletedAsync(string job, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        await foreach (var item in storage.Container(StorageNames.Containers.Locks)
            .GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, job + "/", cancellationToken))
        {
            if (item.Metadata.ContainsKey("completed")
                && DateTimeOffset.TryParseExact(item.Name[(job.Length + 1)..], "yyyy-MM-ddTHH-mm-ssZ", null, System.Globalization.DateTimeStyles.AssumeUniversal, out var slot)
                && (last is null || slot > last))
            {
                last = slot;
            }
        }

        return last;
    }

    private static async Task RenewAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(LeaseDuration / 3, cancellationToken);
            await lease.RenewAsync(cancellationToken: cancellationToken);
        }
    }
}
