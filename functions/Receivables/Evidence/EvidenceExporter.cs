using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;

namespace Receivables.Evidence;

/// <summary>Writes a debtor's (or one case's) evidence as a self-contained zip: items, chain, manifest, timeline, README.</summary>
public sealed class EvidenceExporter(
    IEvidenceReader archive,
    IOptions<ReceivablesOptions> receivables,
    ICreditorDirectory creditors,
    IOptions<EvidenceOptions> options,
    TimeProvider time,
    ILogger<EvidenceExporter> logger)
{
    public async Task<ExportResult> ExportAsync(string creditorId, string debtorId, string? caseId, Stream output, CancellationToken cancellationToken = default)
    {
        var cases = caseId is null
            ? await archive.ListCasesAsync(creditorId, debtorId, cancellationToken)
            : [new EvidenceCaseRef(creditorId, debtorId, caseId)];
        var collected = new List<(EvidenceCaseRef Case, IReadOnlyList<ArchivedEntry> Entries, ChainReport Report)>();
        foreach (var caseRef in cases)
        {
            var entries = await archive.ReadCaseAsync(caseRef, cancellationToken);
            if (entries.Count == 0)
            {
                continue;
            }

            collected.Add((caseRef, entries, await archive.VerifyCaseAsync(caseRef, cancellationToken)));
        }

        if (collected.Count == 0)
        {
            throw new ReceivablesException($"The evidence archive holds nothing for {creditorId}/{debtorId}{(caseId is null ? "" : "/" + caseId)}: nothing to export.");
        }

        var now = time.GetUtcNow();
        var creditor = (await creditors.FindAsync(creditorId, cancellationToken))?.Profile ?? receivables.Value.Creditors.GetValueOrDefault(creditorId);
        var creditorName = creditor?.Name ?? creditorId;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(receivables.Value.TimeZone);
        var language = string.Equals(creditor?.Language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nb";
        var letters = new Dictionary<string, EvidenceLetter>(StringComparer.Ordinal);
        foreach (var (_, entries, _) in collected)
        {
            foreach (var (path, letter) in await EvidenceLetters.ReadAsync(entries, item => archive.ReadItemAsync(item, cancellationToken), language, zone))
            {
                letters[path] = letter;
            }
        }

        var debtorName = letters.Values.Select(l => l.Recipient).FirstOrDefault(r => r.Contains('<', StringComparison.Ordinal)) is { } named ? named[..named.IndexOf('<', StringComparison.Ordinal)].Trim() : debtorId;
        var timeline = Encoding.UTF8.GetBytes(EvidenceTimeline.Render(creditorName, debtorName == debtorId ? debtorId : $"{debtorName} ({debtorId})", now, collected, zone, language, letters));
        var manifestCases = new List<BundleCase>();
        var items = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (caseRef, entries, report) in collected)
            {
                var files = new List<BundleFile>();
                foreach (var archived in entries)
                {
                    // Exactly the stored bytes: the next entry's link is the hash of these.
                    var entryBytes = await archive.ReadItemAsync(archived.EntryPath, cancellationToken);
                    files.Add(await AddAsync(zip, "evidence/" + archived.EntryPath, "entry", entryBytes, now, cancellationToken));
                    var item = await archive.ReadItemAsync(archived.Entry.ItemPath, cancellationToken);
                    files.Add(await AddAsync(zip, "evidence/" + archived.Entry.ItemPath, "item", item, now, cancellationToken));
                    items++;
                }

                manifestCases.Add(new BundleCase(caseRef.CaseId, entries[^1].Entry.Sequence, entries[^1].EntrySha256, report.Ok, report.Problems.Select(p => p.Message).ToList(), files));
            }

            await AddAsync(zip, "timeline.html", "timeline", timeline, now, cancellationToken);
            var manifest = new BundleManifest(EvidenceBundle.Format, creditorId, creditorName, debtorId, now, options.Value.RetentionYears, EvidenceChain.Sha256(timeline), manifestCases);
            await AddAsync(zip, EvidenceBundle.ManifestName, "manifest", JsonSerializer.SerializeToUtf8Bytes(manifest, EvidenceChain.FileJson), now, cancellationToken);
            await AddAsync(zip, "README.txt", "readme", Encoding.UTF8.GetBytes(EvidenceBundle.Readme(manifest)), now, cancellationToken);
        }

        logger.LogInformation("Exported {Cases} case(s), {Items} item(s) of {CreditorId}/{DebtorId}", collected.Count, items, creditorId, debtorId);
        return new ExportResult(collected.Count, items, collected.Select(c => c.Report).ToList());
    }

    private static async Task<BundleFile> AddAsync(ZipArchive zip, string path, string role, byte[] bytes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var file = zip.CreateEntry(path, CompressionLevel.Optimal);
        file.LastWriteTime = at;
        await using (var stream = await file.OpenAsync(cancellationToken))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        return new BundleFile(path, role, EvidenceChain.Sha256(bytes), bytes.LongLength);
    }
}
