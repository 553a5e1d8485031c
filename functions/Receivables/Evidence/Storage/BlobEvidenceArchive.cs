using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Evidence.Storage;

/// <summary>
/// The archive in the <see cref="StorageNames.Containers.Evidence"/> container. Every blob is created once with
/// <c>If-None-Match: *</c> and never overwritten or deleted, so it works on an immutable (WORM) container. Two writers
/// racing for the same case both try to create the same next entry name; one wins, the other re-reads and retries.
/// The head record (last sequence and entry hash) lives in the writable <see cref="StorageNames.Tables.EvidenceHeads"/>
/// table, updated with ETags; it anchors the end of the chain for verification.
/// </summary>
public sealed class BlobEvidenceArchive(
    StorageClients storage,
    TimeProvider time,
    IOptions<EvidenceOptions> options,
    ILogger<BlobEvidenceArchive> logger) : IEvidenceArchive, IEvidenceReader
{
    private const int MaxAttempts = 60;
    private const string KeyHashMetadata = "keyhash";

    private BlobContainerClient Container => storage.Container(StorageNames.Containers.Evidence);

    private TableClient Heads => storage.Table(StorageNames.Tables.EvidenceHeads);

    public async Task<EvidenceReceipt> AppendAsync(EvidenceItem item, CancellationToken cancellationToken = default)
    {
        var caseRef = new EvidenceCaseRef(item.CreditorId, item.DebtorId, item.CaseId);
        EvidenceChain.Validate(caseRef);
        if (string.IsNullOrWhiteSpace(item.IdempotencyKey) || string.IsNullOrWhiteSpace(item.Kind))
        {
            throw new ReceivablesException($"Evidence item '{item.Title}' for {caseRef} needs a Kind and an IdempotencyKey.");
        }

        var keyHash = EvidenceChain.Sha256(Encoding.UTF8.GetBytes(item.IdempotencyKey));
        var content = item.Content.ToArray();
        var itemSha = EvidenceChain.Sha256(content);
        var itemPath = EvidenceChain.ItemPath(caseRef, item.IdempotencyKey, itemSha, item.ContentType);
        var itemWritten = false;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var chain = await ListChainAsync(caseRef, cancellationToken);
            var existing = chain.FirstOrDefault(b => b.Metadata.TryGetValue(KeyHashMetadata, out var k) && k == keyHash);
            if (existing is not null)
            {
                var archived = await ReadEntryAsync(existing.Name, cancellationToken);
                logger.LogInformation("Evidence {IdempotencyKey} for {Case} already archived as entry {Sequence}", item.IdempotencyKey, caseRef.ToString(), archived.Entry.Sequence);
                return new EvidenceReceipt(archived.Entry.ItemPath, archived.Entry.ItemSha256, archived.Entry.Sequence, AlreadyArchived: true);
            }

            if (!itemWritten)
            {
                // Named by key and content hash: a retry writes the same name (already there, same bytes).
                await CreateOnceAsync(itemPath, content, item.ContentType, new Dictionary<string, string> { ["sha256"] = itemSha }, cancellationToken);
                itemWritten = true;
            }

            var last = chain.Count == 0 ? null : chain[^1];
            var sequence = last is null ? 1 : (EvidenceChain.SequenceOf(last.Name) ?? chain.Count) + 1;
            var previousSha = last is null ? null : EvidenceChain.Sha256(await DownloadAsync(last.Name, cancellationToken));
            var now = time.GetUtcNow();
            var entry = new EvidenceEntry(
                EvidenceChain.Format,
                sequence,
                caseRef.CreditorId,
                caseRef.DebtorId,
                caseRef.CaseId,
                item.Kind,
                item.Title,
                item.ContentType,
                item.Actor,
                item.IdempotencyKey,
                item.OccurredAt,
                now,
                options.Value.RetainUntil(DateOnly.FromDateTime(now.UtcDateTime)),
                itemPath,
                itemSha,
                content.LongLength,
                new SortedDictionary<string, string>(item.Metadata?.ToDictionary() ?? [], StringComparer.Ordinal),
                previousSha);
            var bytes = EvidenceChain.Serialize(entry);
            var entryPath = EvidenceChain.EntryPath(caseRef, sequence);
            var entrySha = EvidenceChain.Sha256(bytes);
            if (await CreateOnceAsync(entryPath, bytes, "application/json", new Dictionary<string, string> { [KeyHashMetadata] = keyHash, ["sha256"] = entrySha }, cancellationToken))
            {
                await AdvanceHeadAsync(caseRef, sequence, entrySha, cancellationToken);
                logger.LogInformation("Archived {Kind} {IdempotencyKey} for {Case} as entry {Sequence}", item.Kind, item.IdempotencyKey, caseRef.ToString(), sequence);
                return new EvidenceReceipt(itemPath, itemSha, sequence, AlreadyArchived: false);
            }

            // Another writer took this sequence number: read the chain again (it may even hold our key now).
            logger.LogDebug("Entry {Sequence} of {Case} taken by another writer (attempt {Attempt})", sequence, caseRef.ToString(), attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken);
        }

        throw new ReceivablesException($"Could not append to evidence case {caseRef} after {MaxAttempts} attempts: too many concurrent writers.");
    }

    public async Task<IReadOnlyList<ArchivedEntry>> ReadCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default)
    {
        EvidenceChain.Validate(caseRef);
        var result = new List<ArchivedEntry>();
        foreach (var blob in await ListChainAsync(caseRef, cancellationToken))
        {
            result.Add(await ReadEntryAsync(blob.Name, cancellationToken));
        }

        return result;
    }

    public async Task<byte[]> ReadItemAsync(string itemPath, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DownloadAsync(itemPath, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new ReceivablesException($"Evidence item '{itemPath}' is not in the archive.", e);
        }
    }

    public async Task<IReadOnlyList<EvidenceCaseRef>> ListCasesAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default)
    {
        var cases = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(creditorId, debtorId) }, cancellationToken))
        {
            if (blob.Name.Split('/') is [_, _, _, "chain", _])
            {
                cases.Add(blob.Name[..blob.Name.IndexOf("/chain/", StringComparison.Ordinal)]);
            }
        }

        return cases.Select(c => c.Split('/')).Select(p => new EvidenceCaseRef(p[0], p[1], p[2])).ToList();
    }

    public async Task<EvidenceCounts> CountAsync(string creditorId, string? debtorId = null, CancellationToken cancellationToken = default)
    {
        var cases = new HashSet<string>(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var items = 0;
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(creditorId, debtorId), Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (blob.Name.Split('/') is [_, _, _, "chain", _])
            {
                cases.Add(blob.Name[..blob.Name.IndexOf("/chain/", StringComparison.Ordinal)]);
                items++;
                var kind = blob.Metadata.TryGetValue("kind", out var k) ? k : "unknown";
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            }
        }

        return new EvidenceCounts(cases.Count, items, byKind);
    }

    public async Task<ChainReport> VerifyCaseAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken = default)
    {
        EvidenceChain.Validate(caseRef);
        var entries = new List<(string, byte[])>();
        var items = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceChain.CasePrefix(caseRef) }, cancellationToken))
        {
            var bytes = await DownloadAsync(blob.Name, cancellationToken);
            if (blob.Name.StartsWith(EvidenceChain.ItemsPrefix(caseRef), StringComparison.Ordinal))
            {
                items[blob.Name] = bytes;
            }
            else
            {
                entries.Add((blob.Name, bytes));
            }
        }

        var head = await Heads.GetEntityIfExistsAsync<TableEntity>(caseRef.CreditorId, HeadRow(caseRef), cancellationToken: cancellationToken);
        (long, string)? anchor = head.HasValue && head.Value!.GetInt64("Sequence") is { } seq && head.Value.GetString("EntrySha256") is { } sha ? (seq, sha) : null;
        return EvidenceChain.Verify(caseRef, entries, p => items.GetValueOrDefault(p), items.Keys, anchor);
    }

    private static string Prefix(string creditorId, string? debtorId)
    {
        EvidenceChain.ValidateId(creditorId, "creditor id");
        if (debtorId is null)
        {
            return creditorId + "/";
        }

        EvidenceChain.ValidateId(debtorId, "debtor id");
        return $"{creditorId}/{debtorId}/";
    }

    private static string HeadRow(EvidenceCaseRef caseRef) => caseRef.DebtorId + "|" + caseRef.CaseId;

    private async Task<List<BlobItem>> ListChainAsync(EvidenceCaseRef caseRef, CancellationToken cancellationToken)
    {
        var result = new List<BlobItem>();
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = EvidenceChain.ChainPrefix(caseRef), Traits = BlobTraits.Metadata }, cancellationToken))
        {
            result.Add(blob);
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    private async Task<ArchivedEntry> ReadEntryAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await DownloadAsync(path, cancellationToken);
        var entry = EvidenceChain.TryParse(bytes)
            ?? throw new ReceivablesException($"Evidence entry '{path}' is not a readable chain entry (altered?); run 'evidence verify --case {EvidenceChain.CaseOf(path)}'.");
        return new ArchivedEntry(path, EvidenceChain.Sha256(bytes), entry);
    }

    private async Task<byte[]> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        var response = await Container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
        return response.Value.Content.ToArray();
    }

    /// <summary>Creates the blob unless it exists (never overwrites). False when it already existed.</summary>
    private async Task<bool> CreateOnceAsync(string path, byte[] content, string contentType, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (path.Contains("/chain/", StringComparison.Ordinal) && EvidenceChain.TryParse(content) is { } entry)
        {
            metadata["kind"] = entry.Kind;
        }

        try
        {
            await Container.GetBlobClient(path).UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Moves the head record forward to <paramref name="sequence"/> (never back), with ETags against concurrent writers.</summary>
    private async Task AdvanceHeadAsync(EvidenceCaseRef caseRef, long sequence, string entrySha, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await Heads.GetEntityIfExistsAsync<TableEntity>(caseRef.CreditorId, HeadRow(caseRef), cancellationToken: cancellationToken);
            var entity = new TableEntity(caseRef.CreditorId, HeadRow(caseRef))
            {
                ["Sequence"] = sequence,
                ["EntrySha256"] = entrySha,
                ["UpdatedAt"] = time.GetUtcNow(),
            };
            try
            {
                if (!current.HasValue)
                {
                    await Heads.AddEntityAsync(entity, cancellationToken);
                    return;
                }

                if ((current.Value!.GetInt64("Sequence") ?? 0) >= sequence)
                {
                    return;
                }

                await Heads.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer moved the head: read it again.
            }
        }
    }
}
