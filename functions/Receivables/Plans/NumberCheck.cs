using System.Text.RegularExpressions;

namespace Receivables.Plans;

/// <summary>
/// Compares the numbers of two texts: amounts, dates, percentages, KIDs. A rewrite passes only when it states exactly
/// the numbers of the original (same values, same count), so a model cannot change, add or drop a figure.
/// </summary>
public static partial class NumberCheck
{
    /// <summary>The differences, empty when the rewrite keeps every number.</summary>
    public static IReadOnlyList<string> Differences(string original, string rewrite)
    {
        var expected = Numbers(original);
        var actual = Numbers(rewrite);
        var differences = new List<string>();
        foreach (var group in expected.GroupBy(n => n))
        {
            var found = actual.Count(n => n == group.Key);
            if (found < group.Count())
            {
                differences.Add($"'{group.Key}' missing");
            }
        }

        foreach (var group in actual.GroupBy(n => n))
        {
            var wanted = expected.Count(n => n == group.Key);
            if (group.Count() > wanted)
            {
                differences.Add(wanted == 0 ? $"'{group.Key}' added" : $"'{group.Key}' repeated");
            }
        }

        return differences;
    }

    /// <summary>Every number in the text, normalised: spaces inside amounts removed ("12 500,00" = "12500,00").</summary>
    public static List<string> Numbers(string text) =>
        [.. NumberPattern().Matches(text).Select(m => Regex.Replace(m.Value, @"[\s\u00A0\u202F]", "").TrimEnd('.', ','))];

    [GeneratedRegex(@"\d+(?:[\s\u00A0\u202F]\d{3})*(?:[.,:/-]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
