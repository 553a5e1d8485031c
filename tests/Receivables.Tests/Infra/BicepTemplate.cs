using System.Text.RegularExpressions;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Infra;

/// <summary>Reads the Bicep templates under infra/ as text (the CI compiles them with the Bicep CLI: infra/check.sh).</summary>
internal static partial class BicepTemplate
{
    public static string Main => Read("main.bicep");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepoFiles.Root, "infra", relativePath));

    /// <summary>
    /// The keys of a top-level <c>var name = { ... }</c> object in a template, one key per line
    /// (<c>Key: value</c> or <c>'Key': value</c>); comment lines are skipped.
    /// </summary>
    public static IReadOnlyList<string> ObjectKeys(string template, string variable)
    {
        var lines = template.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(line => line.StartsWith($"var {variable} = {{", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"infra/main.bicep has no 'var {variable} = {{' block.");
        }

        var keys = new List<string>();
        for (var i = start + 1; i < lines.Count && lines[i] != "}"; i++)
        {
            var match = KeyLine().Match(lines[i]);
            if (match.Success)
            {
                keys.Add(match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value);
            }
            else if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"infra/main.bicep line {i + 1}: expected 'Key: value' in var {variable}, got '{lines[i].Trim()}'.");
            }
        }

        return keys;
    }

    [GeneratedRegex(@"^\s+(?:'(?<quoted>[^']+)'|(?<bare>[A-Za-z_][A-Za-z0-9_]*))\s*:\s*\S")]
    private static partial Regex KeyLine();
}
