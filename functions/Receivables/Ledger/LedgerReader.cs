using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Receivables.Common;

namespace Receivables.Ledger;

/// <summary>
/// Reads the latest accepted snapshot. Whole-ledger reads stream the snapshot blob; one debtor costs two small reads:
/// the snapshot's sparse index (cached, snapshots never change) and the ~64 KB range of the snapshot holding the debtor.
/// </summary>
public sealed class LedgerReader(ILedgerStore store) : ILedgerReader
{
    private readonly ConcurrentDictionary<string, DebtorIndex> indexes = new(StringComparer.Ordinal);

    public async Task<SnapshotInfo?> GetLatestSnapshotAsync(string creditorId, CancellationToken cancellationToken = default) =>
        (await store.GetLatestAsync(creditorId, cancellationToken))?.Info;

    public Task<SnapshotInfo?> GetSnapshotAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default) =>
        store.GetSnapshotAsync(creditorId, snapshotId, cancellationToken);

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(string creditorId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var latest = await GetLatestSnapshotAsync(creditorId, cancellationToken);
        if (latest is null)
        {
            yield break;
        }

        await foreach (var debtor in ReadDebtorsAsync(latest, cancellationToken))
        {
            yield return debtor;
        }
    }

    public async IAsyncEnumerable<DebtorLedger> ReadDebtorsAsync(SnapshotInfo latest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var creditorId = latest.CreditorId;
        await using var stream = await store.ReadPartAsync(creditorId, latest.SnapshotId, SnapshotPart.Ledger, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"Snapshot {latest.SnapshotId} of '{creditorId}' has no ledger blob.");
        using var reader = new StreamReader(stream, SnapshotFormat.Utf8, false, 1 << 16);
        await foreach (var debtor in ByDebtorAsync(SnapshotFormat.ReadRowsAsync(reader, cancellationToken), creditorId, latest.SourceFile, cancellationToken))
        {
            yield return debtor;
        }
    }

    public async Task<DebtorLedger?> GetDebtorAsync(string creditorId, string debtorId, CancellationToken cancellationToken = default) =>
        await GetLatestSnapshotAsync(creditorId, cancellationToken) is { } latest ? await GetDebtorAsync(latest, debtorId, cancellationToken) : null;

    public async Task<DebtorLedger?> GetDebtorAsync(SnapshotInfo latest, string debtorId, CancellationToken cancellationToken = default)
    {
        var creditorId = latest.CreditorId;
        var index = await IndexAsync(creditorId, latest.SnapshotId, cancellationToken);
        if (index.Find(debtorId) is not { } range)
        {
            return null;
        }

        await using var stream = await store.ReadPartAsync(creditorId, latest.SnapshotId, SnapshotPart.Ledger, range.Offset, range.Length, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, SnapshotFormat.Utf8, false, 1 << 16);
        var rows = new List<LedgerRow>();
        var hash = DebtorShards.Hash(debtorId);
        await foreach (var row in SnapshotFormat.ReadRowsAsync(reader, cancellationToken))
        {
            var order = index.Hashed && row.DebtorHash != hash ? row.DebtorHash.CompareTo(hash) : string.CompareOrdinal(row.DebtorId, debtorId);
            if (order == 0)
            {
                rows.Add(row);
            }
            else if (order > 0)
            {
                break;
            }
        }

        return rows.Count == 0 ? null : new DebtorLedger(rows[0].ToDebtor(creditorId), rows.Select(r => r.ToInvoice(latest.SourceFile)).ToList());
    }

    public async IAsyncEnumerable<LedgerChange> ReadChangesAsync(string creditorId, string snapshotId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var info = await store.GetSnapshotAsync(creditorId, snapshotId, cancellationToken);
        if (info is null)
        {
            yield break;
        }

        await using var stream = await store.ReadPartAsync(creditorId, snapshotId, SnapshotPart.Changes, cancellationToken: cancellationToken);
        if (stream is null)
        {
            yield break;
        }

        var diff = new SnapshotDiff(creditorId, snapshotId, info.SourceFile);
        using var reader = new StreamReader(stream, SnapshotFormat.Utf8, false, 1 << 16);
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (line.Length > 0)
            {
                yield return diff.ToChange(line);
            }
        }
    }

    /// <summary>The snapshot's totals (open and overdue amounts per currency), or null when there is none.</summary>
    public async Task<LedgerSummary?> GetSummaryAsync(string creditorId, string snapshotId, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.ReadPartAsync(creditorId, snapshotId, SnapshotPart.Summary, cancellationToken: cancellationToken);
        return stream is null ? null : await System.Text.Json.JsonSerializer.DeserializeAsync<LedgerSummary>(stream, Receivables.Storage.Json.Options, cancellationToken);
    }

    /// <summary>
    /// The debtors of one shard (<see cref="DebtorShards.ShardOf"/>) of a snapshot, read with one ranged read of the
    /// slice that holds them (v2 snapshots are ordered by the debtor id's hash); a v1 snapshot is streamed and filtered.
    /// </summary>
    public async IAsyncEnumerable<DebtorLedger> ReadShardAsync(SnapshotInfo snapshot, int shard, int shards, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var creditorId = snapshot.CreditorId;
        if (shards == 1)
        {
            // The whole snapshot: one read of it, no index.
            await foreach (var debtor in ReadDebtorsAsync(snapshot, cancellationToken))
            {
                yield return debtor;
            }

            yield break;
        }

        var index = await IndexAsync(creditorId, snapshot.SnapshotId, cancellationToken);
        var (from, to) = DebtorShards.Range(shard, shards);
        (long Offset, long Length)? range = index.Hashed ? index.Slice(from, to) : null;
        if (range is { Length: 0 })
        {
            yield break;
        }

        await using var stream = await store.ReadPartAsync(creditorId, snapshot.SnapshotId, SnapshotPart.Ledger, range?.Offset ?? 0, range?.Length, cancellationToken);
        if (stream is null)
        {
            yield break;
        }

        using var reader = new StreamReader(stream, SnapshotFormat.Utf8, false, 1 << 16);
        await foreach (var debtor in ByDebtorAsync(InShardAsync(SnapshotFormat.ReadRowsAsync(reader, cancellationToken), from, to, index.Hashed), creditorId, snapshot.SourceFile, cancellationToken))
        {
            yield return debtor;
        }
    }

    /// <summary>The rows whose debtor hash lies in [from, to); a hash-ordered snapshot stops at the first row past the range.</summary>
    private static async IAsyncEnumerable<LedgerRow> InShardAsync(IAsyncEnumerable<LedgerRow> rows, ulong from, ulong to, bool hashOrdered)
    {
        await foreach (var row in rows)
        {
            if (row.DebtorHash >= from && row.DebtorHash < to)
            {
                yield return row;
            }
            else if (hashOrdered && row.DebtorHash >= to)
            {
                yield break;
            }
        }
    }

    /// <summary>Consecutive rows of one debtor (snapshots keep a debtor's rows together) as that debtor's lines.</summary>
    private static async IAsyncEnumerable<DebtorLedger> ByDebtorAsync(IAsyncEnumerable<LedgerRow> rows, string creditorId, string sourceFile, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LedgerRow? first = null;
        var invoices = new List<OpenInvoice>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (first is not null && !string.Equals(first.DebtorId, row.DebtorId, StringComparison.Ordinal))
            {
                yield return new DebtorLedger(first.ToDebtor(creditorId), invoices);
                invoices = [];
                first = null;
            }

            first ??= row;
            invoices.Add(row.ToInvoice(sourceFile));
        }

        if (first is not null)
        {
            yield return new DebtorLedger(first.ToDebtor(creditorId), invoices);
        }
    }

    private async Task<DebtorIndex> IndexAsync(string creditorId, string snapshotId, CancellationToken cancellationToken)
    {
        var key = creditorId + "/" + snapshotId;
        if (indexes.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await using var stream = await store.ReadPartAsync(creditorId, snapshotId, SnapshotPart.Index, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"Snapshot {snapshotId} of '{creditorId}' has no index blob.");
        using var reader = new StreamReader(stream, SnapshotFormat.Utf8);
        var keys = new List<string>();
        var offsets = new List<long>();
        long end = 0;
        var hashed = false;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            var tab = line.LastIndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var offset = long.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (line.StartsWith("#end\t", StringComparison.Ordinal))
            {
                end = offset;
                continue;
            }

            // v2: "hash<TAB>id<TAB>offset" (the sort key is hash + id: fixed-width hex sorts as the number); v1: "id<TAB>offset".
            var first = line.IndexOf('\t', StringComparison.Ordinal);
            hashed = first != tab;
            keys.Add(hashed ? string.Concat(line.AsSpan(0, first), line.AsSpan(first + 1, tab - first - 1)) : line[..tab]);
            offsets.Add(offset);
        }

        var index = new DebtorIndex([.. keys], [.. offsets], end, hashed);
        if (indexes.Count > 64)
        {
            indexes.Clear();
        }

        indexes[key] = index;
        return index;
    }

    private sealed record DebtorIndex(string[] Keys, long[] Offsets, long End, bool Hashed)
    {
        public (long Offset, long Length)? Find(string debtorId)
        {
            var key = Hashed ? DebtorShards.HashKey(debtorId) + debtorId : debtorId;
            var i = Array.BinarySearch(Keys, key, StringComparer.Ordinal);
            if (i < 0)
            {
                i = ~i - 1;
            }

            if (i < 0)
            {
                return null;
            }

            var to = i + 1 < Offsets.Length ? Offsets[i + 1] : End;
            return (Offsets[i], to - Offsets[i]);
        }

        /// <summary>The byte range holding every debtor whose hash is in [from, to): from the last entry before it to the first entry after it.</summary>
        public (long Offset, long Length) Slice(ulong from, ulong to)
        {
            var start = 0L;
            var stop = End;
            for (var i = 0; i < Keys.Length; i++)
            {
                var hash = ulong.Parse(Keys[i].AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (hash < from)
                {
                    start = Offsets[i];
                }
                else if (hash >= to)
                {
                    stop = Offsets[i];
                    break;
                }
            }

            return (start, Math.Max(0, stop - start));
        }
    }
}
