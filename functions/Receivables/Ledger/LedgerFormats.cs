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

        var lines = FirstLines(encoding.GetString(prefix[..Math.Min(prefix.Length, HeaderSearchBytes)]).TrimStart('\uFEFF'));
        var headerLine = lines.Count > 0 ? lines[0] : "";
        var candidates = named is null ? Profiles.ToList() : [new KeyValuePair<string, CsvProfile>(named, Profiles[named])];
        var found = FindHeader(lines, candidates);
        if (found is null && named is null)
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

        // A folder that names the profile: without a header row of it, the first line is read as one and the parser names what is missing.
        var (name, profile, line) = found ?? (named!, Profiles[named!], 1);
        if (named is null)
        {
            (encoding, problem) = TextDecoding.Choose(prefix, profile.Encoding);
            if (encoding is null)
            {
                diagnostics.Error(0, null, null, problem!);
                return null;
            }
        }

        var chosen = encoding;
        var parser = new CsvLedgerParser(profile, line);
        var description = $"CSV, profile '{name}', {chosen.WebName}"
            + (profile.Delimiter == Profiles[name].Delimiter ? "" : $", delimiter {DelimiterName(profile.Delimiter)}")
            + (line == 1 ? "" : $", header on line {line}");
        return new LedgerFileFormat(
            description,
            (stream, d) => parser.Read(new StreamReader(stream, chosen, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true), d))
        {
            Column = parser.ColumnOf,
        };
    }

    /// <summary>How far into a file its header row is looked for (lines of a report title or export date before it).</summary>
    private const int HeaderSearchBytes = 8 * 1024;

    private const int HeaderSearchLines = 20;

    /// <summary>Delimiters a profile's columns are also recognised with, after the profile's own.</summary>
    private static readonly string[] Delimiters = [";", "\t", ","];

    /// <summary>
    /// The first of the file's first lines that is a header row of a profile, with the profile's own delimiter or else
    /// with a tab, semicolon or comma (then the profile with that delimiter): its profile name, profile and line (1-based).
    /// </summary>
    private static (string Name, CsvProfile Profile, int Line)? FindHeader(IReadOnlyList<string> lines, IReadOnlyList<KeyValuePair<string, CsvProfile>> profiles)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var (name, profile) in profiles)
            {
                if (CsvLedgerParser.Matches(profile, lines[i]))
                {
                    return (name, profile, i + 1);
                }
            }

            foreach (var (name, profile) in profiles)
            {
                foreach (var delimiter in Delimiters.Where(d => d != profile.Delimiter))
                {
                    var other = profile.WithDelimiter(delimiter);
                    if (CsvLedgerParser.Matches(other, lines[i]))
                    {
                        return (name, other, i + 1);
                    }
                }
            }
        }

        return null;
    }

    private static string DelimiterName(string delimiter) => delimiter switch
    {
        "\t" => "tab",
        ";" => "semicolon",
        "," => "comma",
        _ => $"'{delimiter}'",
    };

    /// <summary>The text's first lines (at most <see cref="HeaderSearchLines"/>; a last line cut by the prefix's end included).</summary>
    private static List<string> FirstLines(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            lines.Add(line.TrimEnd('\r'));
            if (lines.Count == HeaderSearchLines)
            {
                break;
            }
        }

        return lines;
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
