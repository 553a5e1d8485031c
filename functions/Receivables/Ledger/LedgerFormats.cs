using Microsoft.Extensions.Options;

namespace Receivables.Ledger;

/// <summary>
/// Recognises an upload from its first bytes and its folder: XML is SAF-T Financial; anything else is CSV read with
/// the profile named by its folder (<c>&lt;creditor&gt;/&lt;profile&gt;/...</c> or <c>Receivables:Ledger:Folders</c>), or
/// else the first profile whose columns the header row has.
/// </summary>
public sealed class LedgerFormats(IOptions<LedgerOptions> options)
{
    public IReadOnlyDictionary<string, CsvProfile> Profiles { get; } = Merge(options.Value.Profiles);

    public LedgerFileFormat? Detect(string blobName, ReadOnlySpan<byte> prefix, LedgerDiagnostics diagnostics)
    {
        if (prefix.Length == 0)
        {
            diagnostics.Error(0, null, null, "a ledger file; this file is empty (0 bytes)");
            return null;
        }

        var start = prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < prefix.Length && prefix[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start < prefix.Length && prefix[start] == (byte)'<' && Parsing.EhfLedgerParser.Looks(prefix[start..]))
        {
            var ehf = new Parsing.EhfLedgerParser();
            return new LedgerFileFormat("EHF / PEPPOL BIS Billing 3.0 (UBL 2.1)", ehf.Read) { AddToLatest = ehf.AddTo, Column = Parsing.EhfLedgerParser.ColumnFor, DocumentKeys = ehf.Keys };
        }

        if (start < prefix.Length && prefix[start] == (byte)'<')
        {
            return new LedgerFileFormat("SAF-T Financial (XML)", (stream, d) => new SaftLedgerParser(options.Value.MaxXmlDepth, options.Value.MaxAmount).Read(stream, d)) { Column = SaftLedgerParser.ColumnFor };
        }

        var named = ProfileForFolder(blobName);
        if (named is not null && !Profiles.ContainsKey(named))
        {
            diagnostics.Error(0, null, named, $"a known CSV profile for the folder ({string.Join(", ", Profiles.Keys)}); set Receivables:Ledger:Profiles:{named}");
            return null;
        }

        var (encoding, problem) = TextDecoding.Choose(prefix, named is null ? "auto" : Profiles[named].Encoding);
        if (encoding is null)
        {
            diagnostics.Error(0, null, null, problem!);
            return null;
        }

        var text = encoding.GetString(prefix[FirstLineRange(prefix)]);
        var headerLine = text.TrimStart('\uFEFF');
        if (named is null)
        {
            named = Profiles.FirstOrDefault(p => CsvLedgerParser.Matches(p.Value, headerLine)).Key;
            if (named is null)
            {
                var closest = Profiles
                    .Select(p => (p.Key, Missing: CsvLedgerParser.MissingColumns(p.Value, headerLine)))
                    .Where(p => p.Missing is not null && p.Missing.Count <= CsvProfile.RequiredFields.Count / 2)
                    .OrderBy(p => p.Missing!.Count)
                    .FirstOrDefault();
                if (closest.Missing is not null)
                {
                    foreach (var column in closest.Missing)
                    {
                        diagnostics.Error(1, column, headerLine, $"a column '{column}' in the header row (the header is otherwise that of profile '{closest.Key}')");
                    }

                    return null;
                }

                var expected = string.Join("; or ", Profiles.Select(p => $"{p.Key}: {string.Join(p.Value.Delimiter, CsvProfile.Fields.Select(f => p.Value.ColumnsFor(f)[0]))}"));
                diagnostics.Error(1, null, headerLine, $"a header row of a known profile ({expected}), or a folder named after a profile");
                return null;
            }

            (encoding, problem) = TextDecoding.Choose(prefix, Profiles[named].Encoding);
            if (encoding is null)
            {
                diagnostics.Error(0, null, null, problem!);
                return null;
            }
        }

        var profile = Profiles[named];
        var chosen = encoding;
        return new LedgerFileFormat(
            $"CSV, profile '{named}', {chosen.WebName}",
            (stream, d) => new CsvLedgerParser(profile).Read(new StreamReader(stream, chosen, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true), d))
        {
            Column = field => profile.ColumnsFor(field)[0],
        };
    }

    private string? ProfileForFolder(string blobName)
    {
        var parts = blobName.Split('/');
        if (parts.Length >= 3)
        {
            var folder = string.Join('/', parts[..^1]);
            if (options.Value.Folders.TryGetValue(folder, out var configured))
            {
                return configured;
            }

            if (Profiles.ContainsKey(parts[1]))
            {
                return parts[1];
            }
        }

        return null;
    }

    private static Range FirstLineRange(ReadOnlySpan<byte> prefix)
    {
        var length = Math.Min(prefix.Length, 8 * 1024);
        var end = prefix[..length].IndexOfAny((byte)'\r', (byte)'\n');
        return new Range(0, end < 0 ? length : end);
    }

    private static Dictionary<string, CsvProfile> Merge(Dictionary<string, CsvProfile> configured)
    {
        var all = new Dictionary<string, CsvProfile>(CsvProfile.Shipped(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, profile) in configured)
        {
            all[name] = profile;
        }

        return all;
    }
}
