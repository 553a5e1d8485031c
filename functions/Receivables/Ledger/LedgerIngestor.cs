using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Ledger;

/// <summary>
/// Turns one uploaded ledger file into the creditor's next snapshot, or rejects it as a whole with a report next to
/// the file. Idempotent per blob version (name + ETag) and per content (SHA-256): a redelivered event or the same
/// file again changes nothing.
/// </summary>
public sealed class LedgerIngestor(
    ILedgerStore store,
    IEhfSourceStore sources,
    LedgerFormats formats,
    IOptions<LedgerOptions> options,
    ICreditorDirectory creditors,
    IEnumerable<ILedgerObserver> observers,
    TimeProvider time,
    ILogger<LedgerIngestor> logger)
{
    /// <summary>Where the rejection report of <paramref name="blobName"/> goes (a <c>rejected/</c> folder under the creditor).</summary>
    public static string ReportName(string blobName)
    {
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? $"rejected/{blobName}.errors.txt" : $"{blobName[..slash]}/rejected/{blobName[(slash + 1)..]}.errors.txt";
    }

    public async Task<LedgerUploadOutcome> IngestAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        if (await store.GetOutcomeAsync(blobName, eTag, cancellationToken) is { } done)
        {
            logger.LogInformation("Ledger file {Blob} ({ETag}) was already handled: {Result}", blobName, eTag, done.Result);
            return done;
        }

        var outcome = await DecideAsync(blobName, eTag, cancellationToken);
        await store.SaveOutcomeAsync(outcome, cancellationToken);
        return outcome;
    }

    private async Task<LedgerUploadOutcome> DecideAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        var creditorId = slash > 0 ? blobName[..slash] : null;
        var diagnostics = new LedgerDiagnostics(options.Value.MaxReportedProblems);
        var file = await store.GetUploadAsync(blobName, cancellationToken);
        if (file is null || !SameETag(file.ETag, eTag))
        {
            logger.LogWarning("Ledger file {Blob} ({ETag}) is gone or was replaced before it was read; skipped", blobName, eTag);
            return new LedgerUploadOutcome(blobName, eTag, creditorId, LedgerUploadResult.Skipped, "The file was deleted or replaced before it was read.", now);
        }

        var active = await creditors.ActiveAsync(cancellationToken);
        if (creditorId is null || !active.ContainsKey(creditorId))
        {
            var configured = string.Join(", ", active.Keys.Order(StringComparer.Ordinal));
            diagnostics.Error(0, null, blobName, creditorId is null
                ? $"a file in a folder named after a configured creditor (ledger/<creditorId>/...; configured: {configured})"
                : $"a configured creditor as the first folder; '{creditorId}' is not one (configured: {configured}; add Receivables:Creditors:{creditorId} or run `creditors add {creditorId}`)");
            return await RejectAsync(file, creditorId, null, diagnostics, now, cancellationToken);
        }

        var latest = await store.GetLatestAsync(creditorId, cancellationToken);
        var takenAt = file.TakenAt ?? file.LastModified;
        if (latest is not null && takenAt < latest.Info.TakenAt)
        {
            diagnostics.Error(0, null, takenAt.ToString("O", CultureInfo.InvariantCulture), $"a snapshot newer than the accepted one ('{latest.Info.SourceFile}', taken {latest.Info.TakenAt:O}); this file is older, so it was refused and nothing changed");
            return await RejectAsync(file, creditorId, null, diagnostics, now, cancellationToken);
        }

        using var hashing = new HashingStream(await store.OpenUploadAsync(file, cancellationToken));
        var (prefix, content) = await TextDecoding.PeekAsync(hashing, cancellationToken);
        var format = formats.Detect(blobName, prefix, diagnostics);
        if (format is null)
        {
            return await RejectAsync(file, creditorId, null, diagnostics, now, cancellationToken);
        }

        using var sorter = new ExternalSorter(options.Value.SortChunkRows, TempFolder);
        if (format.AddToLatest is not null && latest is not null && file.TakenAt is null)
        {
            // A document added to the ledger (EHF) does not make the rest of it any newer.
            takenAt = latest.Info.TakenAt;
        }

        await using var latestRows = format.AddToLatest is null || latest is null ? null : await store.ReadPartAsync(creditorId, latest.Info.SnapshotId, SnapshotPart.Ledger, cancellationToken: cancellationToken);
        var rules = new LedgerRowRules(options.Value);
        IReadOnlyList<LedgerRow> documents = [];
        try
        {
            documents = await ReadAsync(format, content, rules, latestRows, sorter, diagnostics, cancellationToken);
        }
        catch (OverflowException)
        {
            diagnostics.Error(0, format.Column("amount"), null, $"amounts whose totals can be computed; the file's amounts are so large that a sum overflows (at most {options.Value.MaxAmount:0.##} per invoice, {LedgerOptions.Section}:MaxAmount)");
        }

        if (diagnostics.HasErrors)
        {
            return await RejectAsync(file, creditorId, format.Description, diagnostics, now, cancellationToken);
        }

        var sha = hashing.Finish();

        if (latest is not null && string.Equals(latest.Info.Sha256, sha, StringComparison.Ordinal))
        {
            logger.LogInformation("Ledger file {Blob} has the same content as snapshot {SnapshotId}; nothing changed", blobName, latest.Info.SnapshotId);
            await RecordSourcesAsync(format, documents, creditorId, file, cancellationToken);
            if (takenAt > latest.Info.TakenAt)
            {
                // The same open items, confirmed by a newer export: the data is current as of this file, so dunning's
                // staleness guard must see the newer time. One table transaction; no new snapshot is written.
                var confirmed = latest.Info with { TakenAt = takenAt };
                await store.CommitAsync(latest with { Info = confirmed }, latest.Version, cancellationToken);
                foreach (var observer in observers)
                {
                    await observer.OnSnapshotConfirmedAsync(confirmed, cancellationToken);
                }
            }

            return new LedgerUploadOutcome(blobName, eTag, creditorId, LedgerUploadResult.Unchanged, $"Same content as the accepted snapshot '{latest.Info.SourceFile}': nothing changed.", now, latest.Info.SnapshotId, format.Description, sorter.Count, latest.Info.Debtors, latest.Info.Invoices, Warnings: diagnostics.WarningCount);
        }

        var snapshotId = string.Create(CultureInfo.InvariantCulture, $"{takenAt.UtcDateTime:yyyyMMdd'T'HHmmssfff}Z-{sha[..10]}");
        DiffResult diff;
        try
        {
            diff = await WriteSnapshotAsync(creditorId, snapshotId, blobName, latest, sorter, diagnostics, cancellationToken);
        }
        catch (OverflowException)
        {
            // Checked decimal arithmetic: totals that cannot be represented reject the file with a report, never a poison message.
            await store.DeleteSnapshotAsync(creditorId, snapshotId, CancellationToken.None);
            diagnostics.Error(0, format.Column("open_amount"), null, $"open amounts whose totals per currency can be computed; their sum overflows ({LedgerOptions.Section}:MaxAmount is {options.Value.MaxAmount:0.##} per invoice)");
            return await RejectAsync(file, creditorId, format.Description, diagnostics, now, cancellationToken);
        }
        catch
        {
            await store.DeleteSnapshotAsync(creditorId, snapshotId, CancellationToken.None);
            throw;
        }

        if (diagnostics.HasErrors)
        {
            await store.DeleteSnapshotAsync(creditorId, snapshotId, cancellationToken);
            return await RejectAsync(file, creditorId, format.Description, diagnostics, now, cancellationToken);
        }

        var info = new SnapshotInfo(creditorId, snapshotId, blobName, takenAt, now, diff.Summary.Debtors, diff.Summary.Invoices, sha);
        await store.CommitAsync(new StoredSnapshot(info, hashing.BytesRead, null), latest?.Version, cancellationToken);
        await RecordSourcesAsync(format, documents, creditorId, file, cancellationToken);
        logger.LogInformation(
            "Ledger snapshot {SnapshotId} of {CreditorId} accepted from {Blob}: {Debtors} debtors, {Invoices} open items, {Changes} changes, {Warnings} warnings",
            snapshotId,
            creditorId,
            blobName,
            info.Debtors,
            info.Invoices,
            diff.TotalChanges,
            diagnostics.WarningCount);
        foreach (var warning in diagnostics.Warnings.Take(20))
        {
            logger.LogWarning("Ledger file {Blob}: {Warning}", blobName, warning.ToString());
        }

        foreach (var observer in observers)
        {
            await observer.OnSnapshotAcceptedAsync(info, cancellationToken);
        }

        return new LedgerUploadOutcome(
            blobName,
            eTag,
            creditorId,
            LedgerUploadResult.Accepted,
            $"Accepted as snapshot {snapshotId}: {info.Debtors} debtors, {info.Invoices} open items, {diff.TotalChanges} changes.",
            now,
            snapshotId,
            format.Description,
            diff.Rows,
            info.Debtors,
            info.Invoices,
            diff.DebtorsChanged,
            diff.Changes,
            0,
            diagnostics.WarningCount,
            null,
            diagnostics.Warnings.Take(10).Select(w => "warning: " + w).ToList());
    }

    /// <summary>
    /// Records the accepted file as the source of the documents it holds (EHF), so that the debtor can be given the
    /// document itself. After the commit: a crash in between leaves no outcome, so the redelivery records them.
    /// </summary>
    private async Task RecordSourcesAsync(LedgerFileFormat format, IReadOnlyList<LedgerRow> documents, string creditorId, LedgerUploadFile file, CancellationToken cancellationToken)
    {
        if (format.DocumentKeys is not { } keys)
        {
            return;
        }

        foreach (var key in keys(documents))
        {
            await sources.RecordAsync(new EhfSource(creditorId, key, file.BlobName, file.ETag, file.LastModified), cancellationToken);
            logger.LogInformation("Document {DocumentNumber} of {CreditorId} has its EHF source in {Blob}", key, creditorId, file.BlobName);
        }
    }

    /// <summary>
    /// Parses the file, checks every row against <see cref="LedgerRowRules"/> and feeds the sort (off the request
    /// thread). Returns the file's own documents (a file that adds to the ledger), else nothing.
    /// </summary>
    private static Task<IReadOnlyList<LedgerRow>> ReadAsync(LedgerFileFormat format, Stream content, LedgerRowRules rules, Stream? latestRows, ExternalSorter sorter, LedgerDiagnostics diagnostics, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var rows = rules.Check(format.Read(content, diagnostics), format.Column, diagnostics, wholeLedger: format.AddToLatest is null);
                if (format.AddToLatest is { } addTo)
                {
                    using var reader = latestRows is null ? null : new StreamReader(latestRows, SnapshotFormat.Utf8, false, 1 << 16);
                    IReadOnlyList<LedgerRow> documents = [.. rows];
                    foreach (var row in addTo(reader is null ? [] : SnapshotFormat.ReadRows(reader), documents, diagnostics))
                    {
                        sorter.Add(row);
                    }

                    return documents;
                }

                foreach (var row in rows)
                {
                    sorter.Add(row);
                }

                return (IReadOnlyList<LedgerRow>)[];
            },
            cancellationToken);

    private async Task<DiffResult> WriteSnapshotAsync(string creditorId, string snapshotId, string blobName, StoredSnapshot? latest, ExternalSorter sorter, LedgerDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        await using var previousStream = latest is null ? null : await store.ReadPartAsync(creditorId, latest.Info.SnapshotId, SnapshotPart.Ledger, cancellationToken: cancellationToken);
        using var previousReader = previousStream is null ? null : new StreamReader(previousStream, SnapshotFormat.Utf8, false, 1 << 16);
        await using var snapshotStream = await store.WritePartAsync(creditorId, snapshotId, SnapshotPart.Ledger, cancellationToken);
        await using var changesStream = await store.WritePartAsync(creditorId, snapshotId, SnapshotPart.Changes, cancellationToken);
        var index = new StringWriter(CultureInfo.InvariantCulture);
        using var previousSorter = new ExternalSorter(options.Value.SortChunkRows, TempFolder);
        DiffResult diff;
        using (var snapshot = new StreamWriter(snapshotStream, SnapshotFormat.Utf8, 1 << 16, leaveOpen: true))
        using (var changes = new StreamWriter(changesStream, SnapshotFormat.Utf8, 1 << 16, leaveOpen: true))
        {
            var previous = previousReader is null ? [] : PreviousInOrder(previousReader, previousSorter);
            diff = await Task.Run(() => new SnapshotDiff(creditorId, snapshotId, blobName).Run(previous, sorter.Sorted(), snapshot, index, changes, diagnostics), cancellationToken);
        }

        await snapshotStream.DisposeAsync();
        await changesStream.DisposeAsync();
        await WriteTextAsync(creditorId, snapshotId, SnapshotPart.Index, index.ToString(), cancellationToken);
        await WriteTextAsync(creditorId, snapshotId, SnapshotPart.Summary, JsonSerializer.Serialize(diff.Summary, Json.Options), cancellationToken);
        return diff;
    }

    private string TempFolder => string.IsNullOrWhiteSpace(options.Value.TempPath) ? Path.Combine(Path.GetTempPath(), "receivables-ledger") : options.Value.TempPath;

    /// <summary>The previous snapshot's rows in today's order: a v1 snapshot (debtor id order) is re-sorted once.</summary>
    private static IEnumerable<LedgerRow> PreviousInOrder(StreamReader reader, ExternalSorter sorter)
    {
        var first = reader.ReadLine();
        if (first is null)
        {
            return [];
        }

        if (!string.Equals(first, SnapshotFormat.HeaderV1, StringComparison.Ordinal))
        {
            return first.StartsWith('#') ? SnapshotFormat.ReadRows(reader) : throw new InvalidDataException($"The previous snapshot does not start with a header line ('{first}').");
        }

        foreach (var row in SnapshotFormat.ReadRows(reader))
        {
            sorter.Add(row);
        }

        return sorter.Sorted();
    }

    private async Task WriteTextAsync(string creditorId, string snapshotId, SnapshotPart part, string text, CancellationToken cancellationToken)
    {
        await using var stream = await store.WritePartAsync(creditorId, snapshotId, part, cancellationToken);
        var bytes = SnapshotFormat.Utf8.GetBytes(text);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private async Task<LedgerUploadOutcome> RejectAsync(LedgerUploadFile file, string? creditorId, string? format, LedgerDiagnostics diagnostics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reportName = ReportName(file.BlobName);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Ledger file rejected: {file.BlobName}")
            .AppendLine(CultureInfo.InvariantCulture, $"Checked: {now:yyyy-MM-dd HH:mm:ss} UTC; format: {format ?? "not recognised"}")
            .AppendLine("Nothing already stored was changed. Correct the file and upload it again.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{diagnostics.ErrorCount} error(s){(diagnostics.ErrorCount > diagnostics.Errors.Count ? $", the first {diagnostics.Errors.Count} listed" : "")}:");
        foreach (var error in diagnostics.Errors)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {error}");
        }

        if (diagnostics.WarningCount > 0)
        {
            report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{diagnostics.WarningCount} warning(s):");
            foreach (var warning in diagnostics.Warnings)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"  {warning}");
            }
        }

        await store.WriteReportAsync(reportName, report.ToString(), cancellationToken);
        var first = diagnostics.Errors.Take(5).Select(e => e.ToString()).ToList();
        logger.LogWarning(
            "Ledger file {Blob} rejected with {ErrorCount} errors (report {Report}); first: {FirstError}",
            file.BlobName,
            diagnostics.ErrorCount,
            reportName,
            first.FirstOrDefault());
        return new LedgerUploadOutcome(
            file.BlobName,
            file.ETag,
            creditorId,
            LedgerUploadResult.Rejected,
            $"Rejected with {diagnostics.ErrorCount} error(s); report: {StorageNames.Containers.Ledger}/{reportName}",
            now,
            Format: format,
            Errors: diagnostics.ErrorCount,
            Warnings: diagnostics.WarningCount,
            ReportBlob: reportName,
            FirstProblems: first);
    }

    private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.Ordinal);
}
